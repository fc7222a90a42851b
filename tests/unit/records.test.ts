import { columnRows, fromColumns, toRelation } from '../../server/repository/records';

describe('columnRows', () => {
  it('turns one row of lists back into rows, in order', () => {
    const rows = columnRows({ id: ['a', 'b'], type: ['LEADS', 'SIGNED'], details: [] });
    expect(rows).toEqual([
      { id: 'a', type: 'LEADS', details: null },
      { id: 'b', type: 'SIGNED', details: null },
    ]);
  });

  it('gives no rows for empty lists or no row at all', () => {
    expect(columnRows({ id: [], details: [] })).toEqual([]);
    expect(columnRows(undefined)).toEqual([]);
  });

  it('keeps the details a statement was asked for beside the columns', () => {
    const lists = {
      id: ['r1'],
      type: ['LEADS'],
      source: ['abe'],
      target: ['japan'],
      details: [{ summary: 'Led the cabinet.', start: '2012' }],
    };
    const [row, ...more] = columnRows(lists);
    expect(more).toEqual([]);
    const relation = fromColumns(toRelation, row!);
    expect(relation).toMatchObject({
      id: 'r1',
      sourceId: 'abe',
      targetId: 'japan',
      summary: 'Led the cabinet.',
      start: '2012',
    });
  });
});
