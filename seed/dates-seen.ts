import { parseDate } from '../server/domain/dates';

/** How many distinct dates are remembered; past that, the rest are parsed each time. */
const MAX_REMEMBERED = 100_000;
const seen = new Map<string, ReturnType<typeof parseDate>>();

/**
 * parseDate, remembered: a large graph repeats the same few thousand dates, and each is read
 * twice (checked, then its bounds stored). The results are never changed by their users.
 */
export function parseDateSeen(value: string): ReturnType<typeof parseDate> {
  let parsed = seen.get(value);
  if (parsed === undefined) {
    parsed = parseDate(value);
    if (seen.size < MAX_REMEMBERED) seen.set(value, parsed);
  }
  return parsed;
}
