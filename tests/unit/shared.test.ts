import fs from 'node:fs';
import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { entitiesQuery } from '../../client/src/api';
import { KIND_STYLE } from '../../client/src/graph/styles';
import { normalise } from '../../client/src/state/view-state';
import { formatCitation, mergeRefs } from '../../shared/citation';
import { sentence } from '../../shared/grammar';
import { ENTITY_KINDS, isEntityKind, KIND_LABELS } from '../../shared/kinds';
import { LIMITS, OPERATION_SHAPE, PATH_LIMITS } from '../../shared/limits';
import { explainSearch } from '../../server/domain/path-explanation';
import { MAX_COST, operationCost } from '../../server/graphql/cost';
import { SCHEMA_FILE } from '../../server/graphql/server';
import { narrate } from '../../server/repository/paths';
import type { EntityModel, RelationModel } from '../../server/repository/records';

// shared/ is the one home of what the server, the seed loader and the client must agree on.
describe('the shared module', () => {
  const schema = fs.readFileSync(SCHEMA_FILE, 'utf8');

  it('lists the kinds of the schema enum, each with a label and its own colour and shape', () => {
    const enumBody = /enum EntityKind \{([^}]*)\}/.exec(schema)![1]!;
    const schemaKinds = enumBody
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[A-Z_]+$/.test(line));
    expect([...ENTITY_KINDS].sort()).toEqual(schemaKinds.sort());
    expect(Object.keys(KIND_STYLE)).toEqual([...ENTITY_KINDS]);
    for (const kind of ENTITY_KINDS) expect(KIND_STYLE[kind]!.label).toBe(KIND_LABELS[kind]);
    const colours = Object.values(KIND_STYLE).map((s) => s.color);
    const shapes = Object.values(KIND_STYLE).map((s) => s.shape);
    expect(new Set(colours).size).toBe(colours.length);
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(isEntityKind('GROUP')).toBe(true);
    expect(isEntityKind('group')).toBe(false);
  });

  it('holds the limits the schema states', () => {
    const stated = (pattern: RegExp) => Number(pattern.exec(schema)?.[1]);
    expect(stated(/Most steps a path may have, 1 to (\d+)\./)).toBe(PATH_LIMITS.pathLength);
    expect(stated(/How many paths to return, 1 to (\d+)\./)).toBe(PATH_LIMITS.pathsFirst);
    expect(stated(/no path may pass \(the two ends excepted\), at most (\d+)\./)).toBe(
      PATH_LIMITS.avoid,
    );
    expect(stated(/maxLength: Int = (\d+)/)).toBe(PATH_LIMITS.defaultLength);
    expect(stated(/`first` at most (\d+)\./)).toBe(LIMITS.searchFirst);
    expect(stated(/`limit` \(1 to (\d+)\) best-connected/)).toBe(LIMITS.overviewLimit);
    expect(stated(/`first` is at most (\d+)\.\s*"""\s*timeline/)).toBe(LIMITS.timelineFirst);
  });

  it('keeps the explorer batch of drawn entities inside the operation limits', () => {
    const ids = Array.from({ length: OPERATION_SHAPE.maxAliases }, (_, i) => `entity-${i}`);
    const { query, variables } = entitiesQuery(ids);
    const document = parse(query, { maxTokens: OPERATION_SHAPE.maxTokens });
    const built = buildSchema(schema);
    expect(validate(built, document)).toEqual([]);
    const cost = operationCost(built, document, getOperationAST(document)!, variables);
    expect(cost).toBeLessThanOrEqual(MAX_COST);
  });

  it('bounds the explorer max steps by the API limit', () => {
    const steps = (maxSteps: number) => normalise({ trace: { maxSteps } as never }).trace.maxSteps;
    expect(steps(PATH_LIMITS.pathLength)).toBe(PATH_LIMITS.pathLength);
    expect(steps(PATH_LIMITS.pathLength + 1)).toBe(PATH_LIMITS.defaultLength);
    expect(steps(PATH_LIMITS.minLength - 1)).toBe(PATH_LIMITS.defaultLength);
  });

  it('says the path limit in the explanation of an unconnected pair', () => {
    const text = explainSearch({
      from: 'A',
      to: 'B',
      maxLength: 3,
      pathsFound: 0,
      onlyThroughHubs: false,
      routeHubs: [],
      blockedBy: [],
      unlimitedLength: null,
      absentEnds: [],
      asOf: null,
      avoided: [],
      nearest: [],
    });
    expect(text).toBe(`A and B are not connected within ${PATH_LIMITS.pathLength} steps.`);
  });

  it("reads a relation as the trace's steps read it (what the tooltip and details show)", () => {
    const people = { id: 'p', name: 'Korean people', kind: 'GROUP' } as EntityModel;
    const pact = { id: 'c', name: 'the pact controversy', kind: 'DISPUTE' } as EntityModel;
    const relation = {
      sourceId: 'p',
      targetId: 'c',
      label: 'is involved in',
      inverseLabel: 'involves',
    } as RelationModel;
    const [step] = narrate([people, pact], [relation]);
    expect(sentence(people, relation.label, pact.name)).toBe(
      'Korean people are involved in the pact controversy',
    );
    expect(step).toBe(`${sentence(people, relation.label, pact.name)}.`);
  });

  it('cites a document once, its paragraphs ascending', () => {
    const refs = mergeRefs([
      { document: 'article', paragraphs: [15, 11] },
      { document: 'article', paragraphs: [11, 13] },
    ]);
    expect(refs.map((ref) => formatCitation({ id: ref.document }, ref.paragraphs))).toEqual([
      'article, ¶ 11, 13, 15',
    ]);
  });
});
