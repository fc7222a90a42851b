import Ajv, { type ErrorObject } from 'ajv';
import { isPartialDate, parseDate } from '../server/domain/dates';
import { graphFileSchema } from './graph-schema';
import type { GraphFile } from './types';

export interface GraphProblem {
  /** Where it is, as a JSON path: `$.relations[12].target`. */
  path: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true });
const checkShape = ajv.compile(graphFileSchema);

/** `/relations/12/target` → `$.relations[12].target` */
function jsonPath(pointer: string): string {
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
      .join('')
  );
}

function shapeProblem(error: ErrorObject): GraphProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return {
      path: jsonPath(`${error.instancePath}/${String(params.additionalProperty)}`),
      message: 'is not a known field',
    };
  }
  if (error.keyword === 'required') {
    return {
      path: jsonPath(`${error.instancePath}/${String(params.missingProperty)}`),
      message: 'is required',
    };
  }
  if (error.keyword === 'enum') {
    return {
      path: jsonPath(error.instancePath),
      message: `must be one of ${(params.allowedValues as string[]).join(', ')}`,
    };
  }
  return { path: jsonPath(error.instancePath), message: error.message ?? 'is invalid' };
}

function checkDates(item: { start?: string; end?: string }, at: string): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const parsed: Record<string, ReturnType<typeof parseDate>> = {};
  for (const field of ['start', 'end'] as const) {
    if (item[field] === undefined) continue;
    parsed[field] = parseDate(item[field]);
    const result = parsed[field];
    if (!isPartialDate(result)) problems.push({ path: `${at}.${field}`, message: result.error });
  }
  const { start, end } = parsed;
  if (start && end && isPartialDate(start) && isPartialDate(end) && end.max < start.min) {
    problems.push({ path: `${at}.end`, message: `ends before it starts (${start.text})` });
  }
  return problems;
}

/**
 * Checks a whole graph file and returns every problem found, each with its JSON path.
 * An empty list means the file can be loaded.
 */
export function validateGraph(data: unknown): GraphProblem[] {
  if (!checkShape(data)) return (checkShape.errors ?? []).map(shapeProblem);
  const graph = data as GraphFile;
  const problems: GraphProblem[] = [];
  const documents = new Set<string>();
  graph.documents.forEach((doc, i) => {
    if (documents.has(doc.id)) {
      problems.push({ path: `$.documents[${i}].id`, message: `duplicate id "${doc.id}"` });
    }
    documents.add(doc.id);
  });
  const checkSources = (sources: GraphFile['entities'][number]['sources'], at: string) =>
    sources.forEach((source, j) => {
      if (!documents.has(source.document)) {
        problems.push({
          path: `${at}.sources[${j}].document`,
          message: `no document "${source.document}" in $.documents`,
        });
      }
    });

  const entities = new Set<string>();
  graph.entities.forEach((entity, i) => {
    const at = `$.entities[${i}]`;
    if (entities.has(entity.id)) {
      problems.push({ path: `${at}.id`, message: `duplicate id "${entity.id}"` });
    }
    entities.add(entity.id);
    problems.push(...checkDates(entity, at));
    checkSources(entity.sources, at);
  });

  const relations = new Set<string>();
  graph.relations.forEach((relation, i) => {
    const at = `$.relations[${i}]`;
    if (relations.has(relation.id)) {
      problems.push({ path: `${at}.id`, message: `duplicate id "${relation.id}"` });
    }
    relations.add(relation.id);
    for (const end of ['source', 'target'] as const) {
      if (!entities.has(relation[end])) {
        problems.push({ path: `${at}.${end}`, message: `no entity "${relation[end]}"` });
      }
    }
    if (relation.unit !== undefined && relation.value === undefined) {
      problems.push({ path: `${at}.value`, message: 'a unit needs a value' });
    }
    problems.push(...checkDates(relation, at));
    checkSources(relation.sources, at);
  });
  return problems;
}
