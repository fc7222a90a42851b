import http from 'node:http';
import { allowedHostnames } from '../../server/http-guards';
import { startTestServer, type TestServer } from '../support/test-server';

/** A request with a Host header of our choosing (fetch does not let one set it). */
function request(
  url: string,
  options: { method?: string; host?: string; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method ?? 'GET',
        headers: {
          ...(options.host ? { host: options.host } : {}),
          ...(options.body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTP guards', () => {
  let server: TestServer;
  let port: string;
  // No database work: these tests are about who gets an answer, not what is in it.
  const query = JSON.stringify({ query: '{ kinds }' });

  beforeAll(async () => {
    server = await startTestServer();
    port = new URL(server.url).port;
  });
  afterAll(() => server.stop());

  it.each(['/', '/graphql', '/health', '/assets/missing.js'])(
    'sets security headers on %s',
    async (path) => {
      const { headers } = await request(`${server.url}${path}`);
      const csp = String(headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-powered-by']).toBeUndefined();
    },
  );

  it.each(['localhost', '127.0.0.1', '[::1]'])('serves the API to Host %s', async (name) => {
    const { status, body } = await request(`${server.url}/graphql`, {
      method: 'POST',
      host: `${name}:${port}`,
      body: query,
    });
    expect(status).toBe(200);
    expect(JSON.parse(body).data.kinds).toContain('PERSON');
  });

  it('refuses a Host that names another site (DNS rebinding) with 403 and the reason', async () => {
    for (const path of ['/graphql', '/']) {
      const { status, body } = await request(`${server.url}${path}`, {
        method: path === '/graphql' ? 'POST' : 'GET',
        host: `rebind.attacker.example:${port}`,
        body: path === '/graphql' ? query : undefined,
      });
      expect(status).toBe(403);
      expect(body).toContain('rebind.attacker.example');
      expect(body).toContain('TRACEGRAPH_ALLOWED_HOSTS');
      expect(body).not.toContain('PERSON');
    }
  });

  it('serves names listed by the operator, and HOST unless it is a wildcard', () => {
    const names = allowedHostnames('0.0.0.0', ['Tracegraph.Example.org', 'intranet:8080']);
    expect([...names].sort()).toEqual(
      ['127.0.0.1', '::1', 'intranet', 'localhost', 'tracegraph.example.org'].sort(),
    );
    expect(allowedHostnames('192.168.1.20', []).has('192.168.1.20')).toBe(true);
  });

  it.each(['mutation { x }', 'subscription { x }', 'mutation M { stats { entities } }'])(
    'answers %p with 400 and a validation error',
    async (operation) => {
      const { status, body } = await server.graphql(operation);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).toMatch(/read-only/);
    },
  );
});
