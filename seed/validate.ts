import Ajv, { type ErrorObject } from 'ajv';
import { isPartialDate, type parseDate } from '../server/domain/dates';
import { parseDateSeen } from './dates-seen';
import { EntityNumbers } from './entity-numbers';
import { graphFileSchema } from './graph-schema';

export interface GraphProblem {
  /** Where it is, as a JSON path: `$.relations[12].target`. */
  path: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true });

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

/** Problems of an item's dates, with paths relative to the item (`.start`). */
function checkDates(item: { start?: string; end?: string }): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const parsed: Record<string, ReturnType<typeof parseDate>> = {};
  for (const field of ['start', 'end'] as const) {
    if (item[field] === undefined) continue;
    parsed[field] = parseDateSeen(item[field]);
    const result = parsed[field];
    if (!isPartialDate(result)) problems.push({ path: `.${field}`, message: result.error });
  }
  const { start, end } = parsed;
  if (start && end && isPartialDate(start) && isPartialDate(end) && end.max < start.min) {
    problems.push({ path: '.end', message: `ends before it starts (${start.text})` });
  }
  return problems;
}

type Section = 'documents' | 'entities' | 'relations';
const SECTIONS: readonly Section[] = ['documents', 'entities', 'relations'];
const checkItem = {
  documents: ajv.compile(graphFileSchema.properties.documents.items),
  entities: ajv.compile(graphFileSchema.properties.entities.items),
  relations: ajv.compile(graphFileSchema.properties.relations.items),
};
/** How many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 200;

type Item = Record<string, unknown>;
const isObject = (value: unknown): value is Item =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a graph file item by item, as a streaming reader hands them over, and collects every
 * problem (shape, dates, duplicate ids, dangling ends, unknown documents) with its JSON path
 * in one pass, whatever order the sections come in. Memory: the ids, not the items.
 */
export class GraphChecker {
  /** The first MAX_LISTED_PROBLEMS problems, in file order. */
  readonly problems: GraphProblem[] = [];
  total = 0;
  /** Ids of documents and relations; entity ids are numbered (`entities`). */
  private readonly ids: Record<'documents' | 'relations', Set<string>> = {
    documents: new Set(),
    relations: new Set(),
  };
  /** The numbers of the last relation's ends that are declared entities (for addRelation). */
  source = -1;
  target = -1;
  private readonly finished = new Set<string>();
  /** References to ids whose section has not been read yet: checked at the end. */
  private readonly pending: { section: Section; id: string; problem: GraphProblem }[] = [];
  /** The item being checked, for the paths of its problems. */
  private itemSection: Section = 'documents';
  private itemIndex = 0;
  private itemAt: string | undefined;

  /** `entities`: the entity ids' numbers, shared with the derived data (DerivedData). */
  constructor(readonly entities = new EntityNumbers()) {}

  add(problem: GraphProblem): void {
    this.total += 1;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(problem);
  }

  /** A top-level field: one of the three sections, given as an array. */
  section(name: string, isArray: boolean): void {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      this.add({ path: `$.${name}`, message: 'is not a known field' });
    } else if (!isArray) this.add({ path: `$.${name}`, message: 'must be array' });
  }

  sectionEnd(name: string, count: number): void {
    this.finished.add(name);
    if (name === 'documents' && count === 0) {
      this.add({ path: '$.documents', message: 'must NOT have fewer than 1 items' });
    }
  }

  /**
   * Checks one item; true when it is valid on its own (references may still fail later).
   * Paths and messages are only built for a problem: most items have none.
   */
  item(section: Section, index: number, value: unknown, at?: string): boolean {
    const before = this.total;
    this.itemSection = section;
    this.itemIndex = index;
    this.itemAt = at;
    const check = checkItem[section];
    if (!check(value)) {
      for (const error of check.errors ?? []) {
        const problem = shapeProblem(error);
        this.add({ ...problem, path: this.at() + problem.path.slice(1) });
      }
    }
    if (!isObject(value)) return false;
    const id = value.id;
    if (typeof id === 'string') {
      if (!this.declare(section, id)) {
        this.add({ path: `${this.at()}.id`, message: `duplicate id "${id}"` });
      }
    }
    if (section !== 'documents') {
      this.checkDates(value);
      this.checkSources(value.sources);
    }
    if (section === 'relations') {
      this.source = this.end(value, 'source');
      this.target = this.end(value, 'target');
      if (value.unit !== undefined && value.value === undefined) {
        this.add({ path: `${this.at()}.value`, message: 'a unit needs a value' });
      }
    }
    return this.total === before;
  }

  /** Every problem found, after the whole file has been read. */
  finish(): GraphProblem[] {
    for (const section of SECTIONS) {
      if (!this.finished.has(section) && !this.seenAsNonArray(section)) {
        this.add({ path: `$.${section}`, message: 'is required' });
      }
    }
    for (const { section, id, problem } of this.pending) {
      if (!this.has(section, id)) this.add(problem);
    }
    this.pending.length = 0;
    return this.problems;
  }

  /** False when this id was declared before. */
  private declare(section: Section, id: string): boolean {
    if (section === 'entities') return this.entities.declare(id);
    const ids = this.ids[section];
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  }

  private has(section: Section, id: string): boolean {
    if (section !== 'entities') return this.ids[section].has(id);
    const number = this.entities.get(id);
    return number !== undefined && this.entities.isDeclared(number);
  }

  /** A relation's end: its entity's number, or -1 when it names no entity (yet). */
  private end(relation: Item, end: 'source' | 'target'): number {
    const ref = relation[end];
    if (typeof ref !== 'string') return -1;
    const number = this.entities.of(ref);
    if (this.entities.isDeclared(number)) return number;
    this.missing('entities', ref, { path: `${this.at()}.${end}`, message: `no entity "${ref}"` });
    return -1;
  }

  /** The path of the item being checked. */
  private at(): string {
    return this.itemAt ?? `$.${this.itemSection}[${this.itemIndex}]`;
  }

  private seenAsNonArray(section: Section): boolean {
    return this.problems.some((p) => p.path === `$.${section}` && p.message === 'must be array');
  }

  /** An id not seen (yet): a problem now if its section is read, else checked at the end. */
  private missing(section: Section, id: string, problem: GraphProblem): void {
    if (this.finished.has(section)) this.add(problem);
    else this.pending.push({ section, id, problem });
  }

  private checkSources(sources: unknown): void {
    if (!Array.isArray(sources)) return;
    for (let j = 0; j < sources.length; j++) {
      const source: unknown = sources[j];
      if (!isObject(source) || typeof source.document !== 'string') continue;
      const document = source.document;
      if (this.has('documents', document)) continue;
      this.missing('documents', document, {
        path: `${this.at()}.sources[${j}].document`,
        message: `no document "${document}" in $.documents`,
      });
    }
  }

  private checkDates(item: Item): void {
    const { start, end } = item;
    if (typeof start !== 'string' && typeof end !== 'string') return;
    const dates = {
      start: typeof start === 'string' ? start : undefined,
      end: typeof end === 'string' ? end : undefined,
    };
    for (const problem of checkDates(dates))
      this.add({ ...problem, path: this.at() + problem.path });
  }
}

/**
 * Checks a whole graph file held in memory and returns every problem found, each with its
 * JSON path. An empty list means the file can be loaded.
 */
export function validateGraph(data: unknown): GraphProblem[] {
  if (!isObject(data)) return [{ path: '$', message: 'must be object' }];
  const checker = new GraphChecker();
  for (const [name, value] of Object.entries(data)) {
    checker.section(name, Array.isArray(value));
    if (!Array.isArray(value) || !(SECTIONS as readonly string[]).includes(name)) continue;
    value.forEach((item: unknown, i) => checker.item(name as Section, i, item));
    checker.sectionEnd(name, value.length);
  }
  return checker.finish();
}
