import { cypher } from '../../server/db/cypher';
import { startTestServer, type TestServer } from '../support/test-server';

const PATHS = `query P($from: ID!, $to: ID!, $maxLength: Int, $first: Int, $types: [String!], $avoid: [ID!]) {
  paths(from: $from, to: $to, maxLength: $maxLength, first: $first, relationTypes: $types, avoid: $avoid) {
    length narrative steps entities { id name } relations { id type label inverseLabel source { id } target { id } }
  } }`;

type Paths = {
  paths: {
    length: number;
    narrative: string;
    steps: string[];
    entities: { id: string; name: string }[];
    relations: {
      id: string;
      type: string;
      label: string;
      inverseLabel: string;
      source: { id: string };
      target: { id: string };
    }[];
  }[];
};

describe('paths', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const paths = async (variables: Record<string, unknown>) => {
    const { body } = await server.graphql<Paths>(PATHS, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.paths;
  };

  it('finds the shortest connections first, each a walkable chain with one sentence per step', async () => {
    const found = await paths({ from: 'lee-myung-bak', to: 'liancourt-rocks', first: 5 });
    expect(found.length).toBeGreaterThan(0);
    const lengths = found.map((p) => p.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const path of found) {
      expect(path.entities[0]?.id).toBe('lee-myung-bak');
      expect(path.entities.at(-1)?.id).toBe('liancourt-rocks');
      expect(path.relations).toHaveLength(path.length);
      expect(path.steps).toHaveLength(path.length);
      path.relations.forEach((r, i) => {
        const here = path.entities[i]!.id;
        const next = path.entities[i + 1]!.id;
        expect([r.source.id, r.target.id].sort()).toEqual([here, next].sort());
        // The sentence reads in walking order, with the phrase for the direction walked.
        const phrase = r.source.id === here ? r.label : r.inverseLabel;
        expect(path.steps[i]).toBe(
          `${path.entities[i]!.name} ${phrase} ${path.entities[i + 1]!.name}.`,
        );
      });
      expect(path.narrative).toBe(path.steps.join(' '));
    }
  });

  it('routes around avoided hubs', async () => {
    const direct = await paths({
      from: 'moon-jae-in',
      to: 'liancourt-rocks',
      first: 10,
      maxLength: 6,
    });
    expect(direct.some((p) => p.entities.some((e) => e.id === 'japan'))).toBe(true);
    const around = await paths({
      from: 'moon-jae-in',
      to: 'liancourt-rocks',
      first: 10,
      maxLength: 6,
      avoid: ['japan'],
    });
    for (const p of around) expect(p.entities.map((e) => e.id)).not.toContain('japan');
  });

  it('makes each sentence agree with its subject, a group of people included', async () => {
    const found = await paths({
      from: 'comfort-women',
      to: 'yohei-kono',
      first: 10,
      maxLength: 4,
      avoid: ['japan', 'south-korea'],
    });
    const steps = found.flatMap((p) => p.steps);
    expect(steps).toContain('Comfort women are involved in Comfort women issue.');
    expect(steps.join(' ')).not.toMatch(/Comfort women (is|was|has) /);
  });

  it('keeps to the relationship types asked for and to maxLength', async () => {
    const [first] = await paths({ from: 'shinzo-abe', to: 'park-geun-hye', first: 1 });
    const type = first!.relations[0]!.type;
    for (const p of await paths({
      from: 'shinzo-abe',
      to: 'park-geun-hye',
      types: [type],
      first: 10,
    })) {
      expect(p.relations.every((r) => r.type === type)).toBe(true);
    }
    for (const p of await paths({
      from: 'shinzo-abe',
      to: 'liancourt-rocks',
      maxLength: 2,
      first: 10,
    })) {
      expect(p.length).toBeLessThanOrEqual(2);
    }
  });

  it('returns no path between an entity and itself or when none is short enough', async () => {
    expect(await paths({ from: 'japan', to: 'japan' })).toEqual([]);
    const avoidAll = await server.graphql<{ stats: unknown; relationTypes: { type: string }[] }>(
      '{ relationTypes { type } }',
    );
    const rare = avoidAll.body.data!.relationTypes.at(-1)!.type;
    expect(
      await paths({ from: 'lee-myung-bak', to: 'liancourt-rocks', types: [rare], maxLength: 1 }),
    ).toEqual([]);
  });

  it('refuses maxLength 7, first 11, unknown ends and unknown types', async () => {
    for (const variables of [
      { from: 'japan', to: 'south-korea', maxLength: 7 },
      { from: 'japan', to: 'south-korea', first: 11 },
      { from: 'nobody', to: 'south-korea' },
      { from: 'japan', to: 'nobody' },
      { from: 'japan', to: 'south-korea', types: ['x) DETACH DELETE (n'] },
    ]) {
      const { body } = await server.graphql(PATHS, variables);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is planned as a bidirectional search between two bound ends', async () => {
    // EXPLAIN returns no rows; the plan comes with the result summary.
    const session = server.db.driver.session({ database: server.db.database });
    try {
      const result = await session.run(`EXPLAIN ${cypher('paths')}`, {
        from: 'a',
        to: 'b',
        maxLength: 4,
        first: 5,
        types: null,
        avoid: [],
      });
      const operators: string[] = [];
      const walk = (plan: { operatorType: string; children: unknown[] }) => {
        operators.push(plan.operatorType);
        plan.children.forEach((child) => walk(child as typeof plan));
      };
      walk(result.summary.plan as unknown as { operatorType: string; children: unknown[] });
      expect(operators.some((op) => op.startsWith('StatefulShortestPath(Into)'))).toBe(true);
    } finally {
      await session.close();
    }
  });
});
