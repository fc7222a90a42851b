/**
 * The numbers the API enforces and the explorer respects, in one place: the server refuses
 * what is outside them, the client's forms and batches stay inside them, and sentences that
 * mention them ("not connected within 6 steps") read them from here.
 */

/** Caps on the path arguments (`paths`, `pathSearch`); the schema's descriptions state them. */
export const PATH_LIMITS = {
  /** Fewest steps a path may be asked for. */
  minLength: 1,
  /** The schema's default `maxLength`, and the explorer's "Max steps" at first. */
  defaultLength: 4,
  /** Most steps a path may have. */
  pathLength: 6,
  pathsFirst: 10,
  avoid: 100,
} as const;

/** Caps on list arguments: a larger value is refused with BAD_USER_INPUT. */
export const LIMITS = {
  searchFirst: 50,
  relationsFirst: 500,
  depth: 3,
  neighborhoodLimit: 500,
  timelineFirst: 1000,
  graphLimit: 5000,
  /** Relations a whole-graph view carries at most, so its response stays a few MB. */
  graphRelations: 5000,
  overviewLimit: 300,
} as const;

/** Limits on the shape of an operation, checked before anything runs (cost aside). */
export const OPERATION_SHAPE = {
  maxDepth: 12,
  /** A client that asks for several entities in one request sends at most this many aliases. */
  maxAliases: 20,
  maxTokens: 3_000,
  maxDirectives: 20,
} as const;
