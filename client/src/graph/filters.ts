import type { RangeState } from '../state/view-state';

interface Dated {
  start: string | null;
  end: string | null;
}

const isUndated = (item: Dated) => !item.start && !item.end;

/**
 * Whether a dated item belongs to the timeline's range. `range` keeps what overlaps the
 * window (began by its end, not over before its start); `asof` keeps what existed at the
 * window's end. Undated items follow the user's choice (entities) or always stay
 * (relations: they follow their ends).
 */
export function inRange(item: Dated | undefined, range: RangeState, entity: boolean): boolean {
  const { from, to } = range;
  if (!item || (!from && !to)) return true;
  if (isUndated(item)) return !entity || range.undated === 'show';
  const startsAfter = (date: string) => !!item.start && item.start.slice(0, date.length) > date;
  const endsBefore = (date: string) => !!item.end && item.end.slice(0, date.length) < date;
  if (range.mode === 'asof') {
    const point = to ?? from!;
    return !startsAfter(point) && !endsBefore(point);
  }
  return !(to && startsAfter(to)) && !(from && endsBefore(from));
}

/** "1990 – 2000", "as of 2015", or null when the timeline keeps everything. */
export function describeRange(range: RangeState): string | null {
  if (!range.from && !range.to) return null;
  if (range.mode === 'asof') return `as of ${range.to ?? range.from}`;
  return `${range.from ?? '…'} – ${range.to ?? '…'}`;
}
