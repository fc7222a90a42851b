import { neverBackInTime, readableDate } from '../../server/domain/chronology';
import { formatCitation, mergeRefs } from '../../shared/citation';
import { entityCost, HUB_PENALTY, pathCost, typeGenerality } from '../../server/domain/path-cost';
import { splitParagraphs } from '../../server/repository/documents';

describe('path cost', () => {
  const weights = {
    typeCounts: new Map([
      ['CONCERNS', 64],
      ['SIGNED', 4],
      ['RARE', 1],
    ]),
    hubDegree: 50,
  };

  it('makes the most frequent relation type the most general', () => {
    expect(typeGenerality('CONCERNS', weights)).toBe(1);
    expect(typeGenerality('SIGNED', weights)).toBeLessThan(0.5);
    expect(typeGenerality('RARE', weights)).toBeLessThan(typeGenerality('SIGNED', weights));
  });

  it('charges a hub its degree and the penalty, a small entity little', () => {
    expect(entityCost(50, 50)).toBeCloseTo(1 + HUB_PENALTY);
    expect(entityCost(49, 50)).toBeLessThan(1);
    expect(entityCost(3, 50)).toBeLessThan(0.4);
  });

  it('prefers three specific steps to two through a hub by a generic type', () => {
    const viaHub = pathCost({ types: ['CONCERNS', 'CONCERNS'], degrees: [5, 60, 4] }, weights);
    const specific = pathCost(
      { types: ['SIGNED', 'SIGNED', 'RARE'], degrees: [5, 3, 4, 4] },
      weights,
    );
    expect(specific).toBeLessThan(viaHub);
    // The two ends cost nothing: asking about a hub is no reason to rank its paths lower.
    expect(pathCost({ types: ['SIGNED'], degrees: [500, 500] }, weights)).toBe(
      pathCost({ types: ['SIGNED'], degrees: [1, 1] }, weights),
    );
  });
});

describe('dates in narratives', () => {
  it('reads dates at their precision', () => {
    expect(readableDate('2012')).toBe('2012');
    expect(readableDate('2012-08')).toBe('August 2012');
    expect(readableDate('2015-12-28')).toBe('28 December 2015');
  });

  it('accepts dated steps that never go back, partial dates as periods', () => {
    expect(neverBackInTime(['1995', null, '2005-06-01'])).toBe(true);
    expect(neverBackInTime(['2012', '2012-08', '2012-08-15'])).toBe(true);
    expect(neverBackInTime(['2012-08', '2012'])).toBe(true);
    expect(neverBackInTime(['2015', '2001-03'])).toBe(false);
    expect(neverBackInTime(['2012-09', null, '2012-08'])).toBe(false);
  });
});

describe('citations', () => {
  it('reads "Title (Publisher), ¶ …" with repeats merged and paragraphs ascending', () => {
    const doc = { id: 'jr', title: 'Japan-ROK Relations', publisher: 'GlobalSecurity.org' };
    expect(formatCitation(doc, [15, 11, 13, 11])).toBe(
      'Japan-ROK Relations (GlobalSecurity.org), ¶ 11, 13, 15',
    );
    expect(formatCitation({ id: 'notes' }, [2])).toBe('notes, ¶ 2');
    expect(
      mergeRefs([
        { document: 'a', paragraphs: [3] },
        { document: 'b', paragraphs: [1] },
        { document: 'a', paragraphs: [1, 3] },
      ]),
    ).toEqual([
      { document: 'a', paragraphs: [1, 3] },
      { document: 'b', paragraphs: [1] },
    ]);
  });
});

describe('attached text', () => {
  it('splits paragraphs on blank lines and joins the lines within one', () => {
    expect(splitParagraphs('One\nline two.\n\n\n  Second.  \r\n \r\nThird\n')).toEqual([
      'One line two.',
      'Second.',
      'Third',
    ]);
    expect(splitParagraphs('\n\n  \n')).toEqual([]);
  });
});
