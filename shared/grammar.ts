import type { EntityKind } from './kinds';

// Irregular verbs whose plural form is not the singular without its "s".
const PLURAL_OF: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do' };

/**
 * Whether a name reads as a plural subject ("Korean people", "Comfort women", "Korean
 * elites"). Only groups are considered: "Liancourt Rocks" or "United Nations" stay singular.
 */
export function isPluralSubject(subject: { name: string; kind: EntityKind }): boolean {
  if (subject.kind !== 'GROUP') return false;
  const last = subject.name.trim().split(/\s+/).pop()!.toLowerCase();
  return ['people', 'women', 'men', 'children'].includes(last) || /[^s]s$/.test(last);
}

/**
 * A relation label ("is involved in", "claims", "rejected") made to agree with its subject:
 * "Korean people are involved in", "Japanese investors claim". Past-tense verbs and
 * singular subjects are left as they are.
 */
export function agreeWith(subject: { name: string; kind: EntityKind }, phrase: string): string {
  if (!isPluralSubject(subject)) return phrase;
  const [verb = '', ...rest] = phrase.split(' ');
  const plural =
    PLURAL_OF[verb] ??
    (/(ss|sh|ch|x|z)es$/.test(verb)
      ? verb.slice(0, -2) // "pushes" → "push"
      : /[^s]s$/.test(verb)
        ? verb.slice(0, -1) // "claims" → "claim", "pursues" → "pursue"
        : verb);
  return [plural, ...rest].join(' ');
}

/** A relation read as a sentence: "Korean people are involved in the controversy". */
export function sentence(
  subject: { name: string; kind: EntityKind },
  phrase: string,
  object: string,
): string {
  return `${subject.name} ${agreeWith(subject, phrase)} ${object}`;
}
