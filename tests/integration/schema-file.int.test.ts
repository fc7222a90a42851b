import fs from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { SCHEMA_FILE } from '../../server/graphql/server';
import { startTestServer, type TestServer } from '../support/test-server';

describe('the schema file', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('is exactly what the server serves', async () => {
    const { body } = await server.graphql(getIntrospectionQuery({ descriptions: true }));
    const served = printSchema(buildClientSchema(body.data as never));
    const file = printSchema(buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8')));
    expect(served).toBe(file);
  });

  it('describes every type and every field', () => {
    const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      if (type.name !== 'Query' && !type.description) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('contains the fixed contract', () => {
    const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    const query = schema.getQueryType()!.getFields();
    for (const name of ['search', 'entity', 'neighborhood', 'paths', 'timeline', 'stats']) {
      expect(query[name]).toBeDefined();
    }
    const entity = schema.getType('Entity') as unknown as { getFields(): Record<string, unknown> };
    for (const name of [
      'id',
      'name',
      'kind',
      'aliases',
      'summary',
      'start',
      'end',
      'sources',
      'degree',
      'relations',
    ]) {
      expect(entity.getFields()[name]).toBeDefined();
    }
  });
});
