/**
 * The entity kinds of the GraphQL `EntityKind` enum. The graph file's loader, the schema and
 * the client's legend all take this list, so a new kind is added here and nowhere else.
 */
export const ENTITY_KINDS = [
  'PERSON',
  'COUNTRY',
  'ORGANIZATION',
  'AGREEMENT',
  'DISPUTE',
  'EVENT',
  'PLACE',
  'STATEMENT',
  'POLICY',
  'LAW',
  'PUBLICATION',
  'GROUP',
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}
