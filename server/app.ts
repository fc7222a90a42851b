import fs from 'node:fs';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import createDebug from 'debug';
import express, { type ErrorRequestHandler, type Response } from 'express';
import { loadConfig, PROJECT_ROOT } from './config';
import type { Database } from './db/database';
import { DatabaseUnavailableError } from './db/errors';
import { createContext } from './graphql/context';
import { createApolloServer } from './graphql/server';
import { allowedHostnames, hostCheck, securityHeaders } from './http-guards';

const log = createDebug('tracegraph:http');

export const CLIENT_DIST = path.join(PROJECT_ROOT, 'client', 'dist');
/** Largest request body accepted; a real operation is a few kilobytes. */
export const MAX_BODY = '100kb';

/** How long /health waits for Neo4j before calling it down. */
const HEALTH_TIMEOUT_MS = 900;

/** Aborts when the client goes away before its response is complete. */
function abandonment(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort(new Error('client disconnected'));
  });
  return controller.signal;
}

export interface AppOptions {
  /** Host names a request may name besides loopback; default: HOST and TRACEGRAPH_ALLOWED_HOSTS. */
  allowedHosts?: ReadonlySet<string>;
}

export interface App {
  app: express.Express;
  stop(): Promise<void>;
}

/**
 * Builds the Express app (GraphQL, health, the built client) without listening, so tests
 * can serve it on port 0 and the start script on HOST:PORT.
 */
export async function createApp(db: Database, options: AppOptions = {}): Promise<App> {
  const apollo = createApolloServer();
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  // Answers to POST are never revalidated: hashing every response body for an ETag is waste.
  app.set('etag', false);
  app.use(securityHeaders());

  // Down is answered from the breaker at once; up is checked with a ping, which trips the
  // breaker when it fails, so /health answers within a second either way.
  app.get('/health', async (_req, res) => {
    const down = (reason: string, since: number) =>
      res.status(503).json({
        status: 'degraded',
        neo4j: 'down',
        reason,
        since: new Date(since).toISOString(),
      });
    const state = db.availability.current;
    if (!state.up) return down(state.reason ?? 'unknown', state.since);
    try {
      await db.ping(HEALTH_TIMEOUT_MS);
      res.json({ status: 'ok', neo4j: 'up' });
    } catch (error) {
      // A refused connection trips the breaker; a slow answer is reported but trips nothing.
      if (error instanceof DatabaseUnavailableError) db.availability.markDown(error.reason);
      down(error instanceof DatabaseUnavailableError ? error.reason : 'slow to answer', Date.now());
    }
  });

  // After /health, which reveals nothing and which probes call by an address (a pod IP).
  const config = loadConfig();
  app.use(hostCheck(options.allowedHosts ?? allowedHostnames(config.host, config.allowedHosts)));

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, {
      context: async ({ res }) => createContext(db, abandonment(res)),
    }),
  );

  if (fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes (shared links) get the app itself.
    app.get(/^\/(?!graphql|health).*/, (_req, res) =>
      res.sendFile(path.join(CLIENT_DIST, 'index.html')),
    );
  } else {
    app.get('/', (_req, res) => {
      res
        .status(503)
        .type('text')
        .send('The explorer is not built yet: run `npm run build` (npm start does it for you).');
    });
  }

  // Malformed JSON, an oversized body: a 4xx with a plain reason, never a stack trace.
  const onError: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
    if (status === 500) log('unhandled error: %O', error);
    const message =
      error?.type === 'entity.too.large'
        ? `Request body larger than ${MAX_BODY}`
        : error?.type === 'entity.parse.failed'
          ? 'Request body is not valid JSON'
          : status === 500
            ? 'Internal server error'
            : String(error?.message ?? 'Bad request');
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  };
  app.use(onError);

  return { app, stop: () => apollo.stop() };
}
