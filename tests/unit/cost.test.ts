import { buildSchema, getOperationAST, parse } from 'graphql';
import { OVERVIEW_QUERY } from '../../client/src/api';
import { MAX_COST, operationCost } from '../../server/graphql/cost';
import { typeDefs } from '../../server/graphql/server';

const schema = buildSchema(typeDefs);
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
};

describe('operation cost', () => {
  it('counts a list by its default size exactly as by the same size written out', () => {
    expect(cost('{ entity(id: "x") { relations { id } } }')).toBe(
      cost('{ entity(id: "x") { relations(first: 50) { id } } }'),
    );
    // entity 1 + 50 relations × (1 + id)
    expect(cost('{ entity(id: "x") { relations { id } } }')).toBe(1 + 50 * 2);
  });

  it('multiplies nested lists', () => {
    const two = cost('{ entity(id: "x") { relations { target { relations { id } } } } }')!;
    expect(two).toBe(1 + 50 * (1 + 1 + 50 * 2));
  });

  it('counts a variable at its value, its own default, or the argument default', () => {
    const query = 'query($n: Int = 400) { entity(id: "x") { relations(first: $n) { id } } }';
    expect(cost(query, { n: 10 })).toBe(1 + 10 * 2);
    expect(cost(query)).toBe(1 + 400 * 2);
    expect(cost('query($n: Int) { entity(id: "x") { relations(first: $n) { id } } }')).toBe(
      1 + 50 * 2,
    );
  });

  it('caps a size at what the resolver would accept (it refuses more with BAD_USER_INPUT)', () => {
    expect(cost('{ entity(id: "x") { relations(first: 100000000) { id } } }')).toBe(1 + 500 * 2);
  });

  it('counts fragments like the fields they stand for, and leaves out @skip', () => {
    const inline = cost('{ entity(id: "x") { relations { id label } } }');
    expect(
      cost(
        '{ entity(id: "x") { ...E } } fragment E on Entity { relations { ... on Relation { id label } } }',
      ),
    ).toBe(inline);
    expect(cost('{ entity(id: "x") { relations { id label summary @skip(if: true) } } }')).toBe(
      inline,
    );
  });

  it("sizes a subgraph's lists from the field above, and a path's from maxLength", () => {
    const small = cost(
      '{ neighborhood(id: "x", limit: 10) { entities { id } relations { id } } }',
    )!;
    const large = cost(
      '{ neighborhood(id: "x", limit: 100) { entities { id } relations { id } } }',
    )!;
    expect(large - small).toBe(90 * 2 + 900 * 2);
    expect(cost('{ paths(from: "a", to: "b", maxLength: 6) { id: length } }')).toBeGreaterThan(
      cost('{ paths(from: "a", to: "b", maxLength: 2) { id: length } }')!,
    );
  });

  it("accepts the explorer's overview with its layout, and refuses many layouts at once", () => {
    expect(cost(OVERVIEW_QUERY)).toBeLessThanOrEqual(MAX_COST);
    const layouts = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `o${i}: overview(limit: ${i + 1}) { positions { id x y } }`).join(' ')} }`;
    expect(cost(layouts(3))).toBeLessThanOrEqual(MAX_COST);
    expect(cost(layouts(6))).toBeGreaterThan(MAX_COST);
  });

  it('refuses the nested query of issue 9 and accepts the explorer start query', () => {
    expect(
      cost(
        '{ entity(id:"japan"){relations{target{relations{target{relations{target{relations{id}}}}}}}} }',
      ),
    ).toBeGreaterThan(MAX_COST);
    const entity =
      'id name kind aliases summary start end degree beyondSource sources { document paragraphs }';
    const relation =
      'id type label inverseLabel summary start end value unit sources { document paragraphs } source { id } target { id }';
    expect(
      cost(`{ graph(limit: 2000) { truncated entities { ${entity} } relations { ${relation} } }
        relationTypes { type label count } }`),
    ).toBeLessThanOrEqual(MAX_COST);
  });
});
