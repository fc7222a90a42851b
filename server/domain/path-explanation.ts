import { PATH_LIMITS } from '../../shared/limits';
import { readableDate } from './chronology';

/** What a path search that found no good answer knows, with names ready to print. */
export interface SearchFacts {
  from: string;
  to: string;
  maxLength: number;
  pathsFound: number;
  onlyThroughHubs: boolean;
  routeHubs: string[];
  blockedBy: string[];
  unlimitedLength: number | null;
  absentEnds: string[];
  asOf: string | null;
  avoided: string[];
  nearest: { name: string; stepsToTarget: number }[];
}

const LIMIT_WORDS: Record<string, (f: SearchFacts) => string> = {
  MAX_LENGTH: (f) => `the limit of ${f.maxLength} step${f.maxLength === 1 ? '' : 's'}`,
  AVOID: (f) =>
    `the avoided ${f.avoided.length === 1 ? 'entity' : 'entities'} (${f.avoided.join(', ')})`,
  AVOID_HUBS: (f) =>
    f.routeHubs.length > 0
      ? `avoiding hubs (every route passes ${orList(f.routeHubs)})`
      : 'avoiding hubs',
  RELATION_TYPES: () => 'the chosen relation types',
  AS_OF: (f) => `the date asked (${f.asOf ? readableDate(f.asOf) : 'none'})`,
  CHRONOLOGICAL: () => 'keeping to chronological order',
};

function orList(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * The reason in one or two sentences: "Every route from Shinzo Abe to the Liancourt Rocks
 * dispute within 6 steps passes a hub: Japan or South Korea." Null when there is nothing to
 * explain (hub-free paths were found).
 */
export function explainSearch(f: SearchFacts): string | null {
  const within = `within ${f.maxLength} step${f.maxLength === 1 ? '' : 's'}`;
  if (f.pathsFound > 0) {
    return f.onlyThroughHubs
      ? `Every route from ${f.from} to ${f.to} ${within} passes a hub: ${orList(f.routeHubs)}.`
      : null;
  }
  const sentences: string[] = [];
  if (f.absentEnds.length > 0 && f.asOf) {
    sentences.push(`${orList(f.absentEnds)} did not exist as of ${readableDate(f.asOf)}.`);
  }
  if (f.blockedBy.length > 0) {
    const limits = f.blockedBy.map((limit) => LIMIT_WORDS[limit]!(f));
    const lift =
      limits.length === 1
        ? 'Lifting this limit finds one'
        : 'Lifting any one of these limits finds one';
    sentences.push(`No path from ${f.from} to ${f.to} ${within}. ${lift}: ${limits.join('; ')}.`);
  } else if (f.unlimitedLength !== null) {
    sentences.push(
      `No path from ${f.from} to ${f.to} ${within} under these limits together; without them the shortest route has ${f.unlimitedLength} steps.`,
    );
  } else {
    sentences.push(
      `${f.from} and ${f.to} are not connected within ${PATH_LIMITS.pathLength} steps.`,
    );
  }
  const [near] = f.nearest;
  if (near) {
    sentences.push(
      `Nearest reached: ${f.nearest.map((n) => n.name).join(', ')} (${near.stepsToTarget} step${near.stepsToTarget === 1 ? '' : 's'} from ${f.to}).`,
    );
  }
  return sentences.join(' ');
}
