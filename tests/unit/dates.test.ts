import { parseDate } from '../../server/domain/dates';

describe('parseDate', () => {
  it.each([
    ['1965', 'year', '1965-01-01', '1965-12-31'],
    ['2012-08', 'month', '2012-08-01', '2012-08-31'],
    ['2016-02', 'month', '2016-02-01', '2016-02-29'],
    ['2015-12-28', 'day', '2015-12-28', '2015-12-28'],
  ])('reads %s at its precision', (text, precision, min, max) => {
    expect(parseDate(text)).toEqual({ text, precision, min, max });
  });

  it.each([
    '2015-02-30',
    '2015-13',
    '2015-00-10',
    '15-12-28',
    '2015/12/28',
    '2015-12-28T00:00',
    '',
  ])('refuses %p with a reason', (text) => {
    const parsed = parseDate(text);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toMatch(/date|month|day/);
  });

  it('orders partial dates as the timeline does: a month before a day in it', () => {
    const sorted = ['2012-08-15', '2012', '2012-08', '2011-12-31'].sort();
    expect(sorted).toEqual(['2011-12-31', '2012', '2012-08', '2012-08-15']);
  });
});
