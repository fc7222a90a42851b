/**
 * Dates at the precision a source gives them: "1965", "2012-08" or "2015-12-28".
 * A partial date stands for a period; `bounds` gives its first and last day so that partial
 * dates compare by the period they cover (as-of filters, timeline ranges).
 */
export type Precision = 'year' | 'month' | 'day';

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface PartialDate {
  text: string;
  precision: Precision;
  min: string;
  max: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses an ISO date with its precision; returns a reason instead of throwing. */
export function parseDate(value: unknown): PartialDate | { error: string } {
  if (typeof value !== 'string') return { error: 'a date must be a string' };
  const match = PATTERN.exec(value);
  if (!match) {
    return { error: `"${value}" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD` };
  }
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { text: value, precision: 'year', min: `${year}-01-01`, max: `${year}-12-31` };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { error: `"${value}" has no month ${match[2]}` };
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    const prefix = `${match[1]}-${match[2]}`;
    return { text: value, precision: 'month', min: `${prefix}-01`, max: `${prefix}-${pad(last)}` };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return { error: `"${value}" is not a day of that month` };
  return { text: value, precision: 'day', min: value, max: value };
}

export function isPartialDate(parsed: PartialDate | { error: string }): parsed is PartialDate {
  return !('error' in parsed);
}
