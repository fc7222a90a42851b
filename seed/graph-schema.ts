import { ENTITY_KINDS } from '../shared/kinds';

/**
 * The JSON Schema of a graph file (see DESIGN.md). Ajv checks the shape against it; what a
 * schema cannot say (dangling ends, duplicate ids, calendar dates) is checked in validate.ts.
 */
const slug = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 120 };
const text = { type: 'string', minLength: 1, maxLength: 2000 };
const date = { type: 'string', maxLength: 10 };

const sources = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['document', 'paragraphs'],
    properties: {
      document: slug,
      paragraphs: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
    },
  },
};

export const graphFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['documents', 'entities', 'relations'],
  properties: {
    documents: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title'],
        properties: { id: slug, title: text, publisher: text, url: text, date },
      },
    },
    entities: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'kind', 'sources'],
        properties: {
          id: slug,
          name: text,
          kind: { enum: [...ENTITY_KINDS] },
          aliases: { type: 'array', items: text },
          summary: text,
          start: date,
          end: date,
          sources,
          beyondSource: text,
        },
      },
    },
    relations: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'type', 'source', 'target', 'sources'],
        properties: {
          id: slug,
          type: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 60 },
          source: slug,
          target: slug,
          label: text,
          inverseLabel: text,
          summary: text,
          start: date,
          end: date,
          value: { type: 'number' },
          unit: text,
          sources,
          beyondSource: text,
        },
      },
    },
  },
} as const;
