import { validateGraph } from '../../seed/validate';

const doc = { id: 'doc', title: 'A document' };
const cite = [{ document: 'doc', paragraphs: [1] }];
const valid = () => ({
  documents: [doc],
  entities: [
    { id: 'japan', name: 'Japan', kind: 'COUNTRY', sources: cite },
    { id: 'treaty', name: 'Treaty', kind: 'AGREEMENT', start: '1965-06-22', sources: cite },
  ],
  relations: [
    { id: 'japan-signed', type: 'SIGNED', source: 'japan', target: 'treaty', sources: cite },
  ],
});

describe('validateGraph', () => {
  it('accepts a well-formed file', () => {
    expect(validateGraph(valid())).toEqual([]);
  });

  it('names the JSON path of a dangling relation end', () => {
    const graph = valid();
    graph.relations[0]!.target = 'nowhere';
    expect(validateGraph(graph)).toEqual([
      { path: '$.relations[0].target', message: 'no entity "nowhere"' },
    ]);
  });

  it('names the JSON path of an unknown kind', () => {
    const graph = valid();
    graph.entities[1]!.kind = 'SPACESHIP';
    const problems = validateGraph(graph);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('$.entities[1].kind');
    expect(problems[0]!.message).toMatch(/must be one of PERSON, COUNTRY/);
  });

  it('names the JSON path of an impossible date and of an end before the start', () => {
    const graph = valid();
    graph.entities[1]!.start = '1965-02-30';
    (graph.relations[0] as Record<string, unknown>).start = '2015';
    (graph.relations[0] as Record<string, unknown>).end = '2014-12';
    expect(validateGraph(graph).map((p) => p.path)).toEqual([
      '$.entities[1].start',
      '$.relations[0].end',
    ]);
  });

  it('reports duplicate ids, unknown fields and missing sources together', () => {
    const graph = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    graph.entities.push({ id: 'japan', name: 'Japan again', kind: 'COUNTRY', sources: cite });
    expect(validateGraph(graph)).toEqual([
      { path: '$.entities[2].id', message: 'duplicate id "japan"' },
    ]);
    const broken = valid() as unknown as { entities: Record<string, unknown>[] };
    broken.entities[0]!.colour = 'red';
    delete broken.entities[1]!.sources;
    expect(
      validateGraph(broken)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['$.entities[0].colour', '$.entities[1].sources']);
  });

  it('refuses a citation of a document the file does not list', () => {
    const graph = valid();
    graph.entities[0]!.sources = [{ document: 'elsewhere', paragraphs: [2] }];
    expect(validateGraph(graph)[0]!.path).toBe('$.entities[0].sources[0].document');
  });
});
