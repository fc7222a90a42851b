import type { Database } from '../../server/db/database';
import { QueryCancelledError } from '../../server/db/errors';
import { testDatabase } from '../support/test-server';

// Counts to ten billion: minutes of work, unless something stops it.
const ENDLESS = 'UNWIND range(1, 10000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';

/** Our transactions that run ENDLESS, as Neo4j lists them. */
async function endlessOnServer(db: Database): Promise<number> {
  // The statement as a parameter: were it written out, this query would count itself.
  const rows = await db.runText<{ n: number }>(
    'READ',
    'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery = $endless RETURN count(*) AS n',
    { endless: ENDLESS },
  );
  return rows[0]!.n;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a read whose caller gives up', () => {
  let db: Database;
  beforeAll(() => {
    // A long transaction timeout, so that only the cancellation can end the query in time.
    db = testDatabase({ timeoutMs: 120_000 });
  });
  afterAll(() => db.close());

  it('is rolled back on the server when its signal aborts', async () => {
    const request = new AbortController();
    const running = db.forRequest(request.signal).runText('READ', ENDLESS);
    running.catch(() => undefined);
    await until(async () => (await endlessOnServer(db)) === 1, 30_000);

    request.abort(new Error('client disconnected'));
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    expect(db.inFlight).toBe(0);
    // Gone from Neo4j long before its 120 s timeout: Bolt RESET stopped it.
    await until(async () => (await endlessOnServer(db)) === 0, 30_000);
  });

  it('is not started at all when the request is already abandoned', async () => {
    const request = new AbortController();
    request.abort();
    const before = db.queryCount;
    await expect(db.forRequest(request.signal).read('stats')).rejects.toBeInstanceOf(
      QueryCancelledError,
    );
    expect(db.queryCount).toBe(before);
  });
});
