/**
 * The entity kinds of the GraphQL `EntityKind` enum. The graph file's loader, the schema and
 * the client's legend all take this list, so a new kind is added here and nowhere else (the
 * client's style table is keyed by it, so a kind without a colour does not compile).
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

/** How a kind reads in the legend, search hits, tooltips and the details. */
export const KIND_LABELS: Record<EntityKind, string> = {
  PERSON: 'Person',
  COUNTRY: 'Country',
  ORGANIZATION: 'Organization',
  AGREEMENT: 'Agreement',
  DISPUTE: 'Dispute',
  EVENT: 'Event',
  PLACE: 'Place',
  STATEMENT: 'Statement',
  POLICY: 'Policy',
  LAW: 'Law',
  PUBLICATION: 'Publication',
  GROUP: 'Group',
};

export function isEntityKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ENTITY_KINDS as readonly string[]).includes(value);
}
