import {
  buildLuceneQuery,
  escapeLucene,
  matchBand,
  searchTerms,
} from '../../server/repository/search';

describe('search text', () => {
  it('splits text into plain lowercase words, dropping apostrophes', () => {
    expect(searchTerms("Asian Women's Fund")).toEqual(['asian', 'womens', 'fund']);
    expect(searchTerms('Park Geun-hye')).toEqual(['park', 'geun', 'hye']);
    expect(searchTerms('Café Pokémon')).toEqual(['cafe', 'pokemon']);
  });

  it('keeps Hangul syllables and Han ideographs whole, as the index holds them', () => {
    expect(searchTerms('독도 / 竹島')).toEqual(['독도', '竹島']);
    expect(searchTerms('박근혜')[0]).toHaveLength(3);
  });

  it('leaves no Lucene syntax in the query, whatever the user typed', () => {
    const hostile = 'name:* OR 1=1) AND ~"x" \\ [a TO z] {b} ^3 !c && d || e /re/';
    const query = buildLuceneQuery(searchTerms(hostile));
    // Only the parentheses, operators and boosts we put there ourselves remain.
    const ours = query.replace(/\((\w+)\^4 OR \1\*\^2( OR \1~[12])?\)/g, 'T').replace(/ OR /g, ' ');
    expect(ours).toMatch(/^T( T)*$/);
  });

  it('escapes every special character when asked to', () => {
    expect(escapeLucene('a+b:c*')).toBe('a\\+b\\:c\\*');
    expect(escapeLucene('AND')).toBe('\\AND');
  });

  it('tolerates one typo in a short word and two in a long one', () => {
    expect(buildLuceneQuery(['kishda'])).toContain('kishda~1');
    expect(buildLuceneQuery(['takeshimma'])).toContain('takeshimma~2');
    expect(buildLuceneQuery(['rok'])).not.toContain('~');
  });

  it('bands exact names above prefixes above fuzzy matches', () => {
    expect(matchBand('dokdo', ['Liancourt Rocks', 'Dokdo'])).toBe(3);
    expect(matchBand('lianc', ['Liancourt Rocks'])).toBe(2);
    expect(matchBand('Kishda', ['Fumio Kishida'])).toBe(1);
  });
});
