import { isPartialDate, parseDate } from './dates';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2012" → "2012", "2012-08" → "August 2012", "2015-12-28" → "28 December 2015". */
export function readableDate(value: string): string {
  const parsed = parseDate(value);
  if (!isPartialDate(parsed)) return value;
  const [year, month, day] = value.split('-');
  if (parsed.precision === 'year') return year!;
  const name = MONTHS[Number(month) - 1]!;
  return parsed.precision === 'month' ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/**
 * Whether dated steps, read in order, never go back in time; undated steps are skipped. A
 * partial date is a period, so "2012" then "2012-08" is fine: a step goes back only when it
 * ends before a step read earlier began (the same rule as the paths statement's filter).
 */
export function neverBackInTime(dates: readonly (string | null)[]): boolean {
  let latestStart = '';
  for (const date of dates) {
    if (date === null) continue;
    const parsed = parseDate(date);
    if (!isPartialDate(parsed)) continue;
    if (parsed.max < latestStart) return false;
    if (parsed.min > latestStart) latestStart = parsed.min;
  }
  return true;
}
