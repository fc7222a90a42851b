import { OPERATION_LIMITS } from '../../server/graphql/server';
import { startTestServer, type TestServer } from '../support/test-server';

/** Each hostile request must be answered quickly with a 4xx or a GraphQL error. */
describe('hostile input', () => {
  let server: TestServer;
  let before: unknown;
  const counts = `{ stats { entities relations } }`;

  beforeAll(async () => {
    server = await startTestServer();
    before = (await server.graphql(counts)).body;
  });
  afterAll(async () => {
    // The server is still up and the graph is exactly as it was.
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect((await server.graphql(counts)).body).toEqual(before);
    await server.stop();
  });

  async function timed<T>(work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    expect(performance.now() - started).toBeLessThan(2_000);
    return result;
  }

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('refuses a 15-level nested query', async () => {
    let selection = '{ id }';
    // entity → relations → source → relations → … fifteen levels down.
    for (let level = 2; level < 15; level += 2) selection = `{ relations { source ${selection} } }`;
    const query = `{ entity(id: "japan") ${selection} }`;
    const { body } = await timed(() => server.graphql(query));
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses 800 aliases', async () => {
    const fields = Array.from({ length: 800 }, (_, i) => `a${i}: stats { entities }`).join(' ');
    const { status, body } = await timed(() => server.graphql(`{ ${fields} }`));
    expect(status).toBeLessThan(500);
    expect(body.errors?.[0]?.message).toMatch(/aliases|tokens/i);
  });

  it(`refuses more than ${OPERATION_LIMITS.maxAliases} aliases even when few tokens`, async () => {
    const fields = Array.from(
      { length: OPERATION_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: kinds`,
    ).join(' ');
    const { body } = await timed(() => server.graphql(`{ ${fields} }`));
    expect(body.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('refuses limit: 100000000', async () => {
    const { body } = await timed(() =>
      server.graphql(`{ neighborhood(id: "japan", limit: 100000000) { truncated } }`),
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a megabyte of search text with 413', async () => {
    const text = 'x'.repeat(1024 * 1024);
    const response = await timed(() =>
      post(
        JSON.stringify({
          query: 'query($t: String!) { search(text: $t) { score } }',
          variables: { t: text },
        }),
      ),
    );
    expect(response.status).toBe(413);
  });

  it.each([
    '*:*',
    'name:Abe OR id:*',
    '"unterminated',
    'MATCH (n) DETACH DELETE n',
    "'; CALL db.clearQueryCaches(); //",
    '\\',
  ])('treats %p as plain search text', async (text) => {
    const { status, body } = await timed(() =>
      server.graphql('query($t: String!) { search(text: $t) { entity { id } } }', { t: text }),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('answers malformed JSON with 400 and a plain reason', async () => {
    const response = await timed(() => post('{"query": "{ stats { entities } }"'));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|node_modules/);
    expect(body.errors[0]?.message).toMatch(/JSON/);
  });

  it('refuses impossible dates', async () => {
    for (const date of ['2015-02-30', '2015-13', '15-12-28', 'yesterday']) {
      const { body } = await timed(() =>
        server.graphql('query($d: Date) { timeline(from: $d) { date } }', { d: date }),
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps CSRF prevention on: a simple cross-site GET or form POST is refused', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ kinds }')}`);
    expect(get.status).toBe(400);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ kinds }"}',
    });
    expect(form.status).toBe(400);
  });

  it('never leaks stack traces or Cypher in errors', async () => {
    const { body } = await server.graphql(`{ entity(id: "japan") { relations(first: 0) { id } } }`);
    const text = JSON.stringify(body);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(text).not.toMatch(/stacktrace|MATCH|UNWIND|\.ts:/);
  });
});
