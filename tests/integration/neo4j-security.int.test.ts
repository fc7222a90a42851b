import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type AuthToken } from 'neo4j-driver';
import type { Database } from '../../server/db/database';
import { ReadOnlyError } from '../../server/db/errors';
import { passwordFile } from '../../server/db/local-password';
import { createContext } from '../../server/graphql/context';
import { TEST_NEO4J_DATA_DIR } from '../support/test-neo4j';
import { testDatabase, testNeo4j } from '../support/test-server';

/** Runs one statement as a stranger would: its own driver, the given credentials. */
async function asStranger(auth: AuthToken | undefined, statement: string) {
  const driver = neo4j.driver(testNeo4j().uri, auth, { connectionTimeout: 5_000 });
  try {
    const { records } = await driver.executeQuery(statement);
    return records.map((record) => record.toObject());
  } finally {
    await driver.close();
  }
}

describe('the local Neo4j is locked', () => {
  let db: Database;
  beforeAll(() => {
    // Generous: the statements are instant, but two shared cores can be very slow.
    db = testDatabase({ timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await db.runText('WRITE', 'MATCH (n:Intruder) DETACH DELETE n');
    await db.close();
  });

  it('refuses a Bolt login without a password, with the default one, and with a wrong one', async () => {
    for (const auth of [
      undefined,
      neo4j.auth.basic('neo4j', 'neo4j'),
      neo4j.auth.basic('neo4j', 'not-the-password'),
    ]) {
      await expect(asStranger(auth, 'CREATE (:Intruder) RETURN 1')).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
    }
    expect(await db.runText('READ', 'MATCH (n:Intruder) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
  });

  it('keeps the password beside the store, readable by its owner only', () => {
    const dataDir = process.env[TEST_NEO4J_DATA_DIR]!;
    expect(fs.statSync(passwordFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    // The initial-password file Neo4j reads at start-up is gone once it has been read.
    expect(fs.existsSync(`${dataDir}/data/dbms/auth.ini`)).toBe(false);
  });

  it('refuses LOAD CSV from a file, even with the password', async () => {
    await expect(
      db.runText('READ', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1"),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ExternalResourceFailed' });
  });

  it('refuses LOAD CSV from a URL, and sends no request', async () => {
    let requests = 0;
    const bait = http.createServer((_req, res) => {
      requests += 1;
      res.end('secret,data\n');
    });
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    const { port } = bait.address() as AddressInfo;
    try {
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
        await expect(
          db.runText('READ', `LOAD CSV FROM 'http://${host}/' AS line RETURN line`),
        ).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ExternalResourceFailed' });
      }
      expect(requests).toBe(0);
    } finally {
      bait.close();
    }
  });

  it('refuses a write sent through the API’s request path', async () => {
    const { db: requestDb } = createContext(db, new AbortController().signal);
    // A write statement run as a read: Neo4j refuses it in a READ transaction.
    await expect(
      requestDb.runText('READ', "CREATE (:Intruder {via: 'request path'})"),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    // A named write statement, as a resolver could call it by mistake: refused before Neo4j.
    await expect(
      requestDb.write('stage-documents', { documents: [{ id: 'intruder' }] }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(requestDb.runText('WRITE', 'CREATE (:Intruder)')).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
    expect(
      await db.runText(
        'READ',
        "MATCH (n) WHERE n:Intruder OR (n:Document AND n.id = 'intruder') RETURN count(n) AS n",
      ),
    ).toEqual([{ n: 0 }]);
  });
});
