import {
  type Entity,
  fetchEntities,
  fetchGraph,
  fetchNeighbours,
  fetchPathSearch,
  fetchRelationTypes,
  type Path,
  type PathSearch,
  type Positions,
  type Relation,
  type RelationTypeInfo,
  type SourceRef,
} from '../api';
import { takeEarly } from '../first-requests';
import type { TraceState, ViewState } from '../state/view-state';

/** A hub adds at most this many neighbours per batch; "More…" shows the next batch. */
export const EXPAND_BATCH = 15;

interface Piece {
  entities: string[];
  relations: string[];
}
interface Expansion extends Piece {
  degree: number;
}

/** What the canvas should hold for a state: entities and relations, in a stable order. */
export interface ViewElements {
  entities: Entity[];
  relations: Relation[];
  /** The chosen path, when a trace has run and its results are in. */
  path: Path | null;
  /**
   * Where the force-directed layout puts these elements, when they are the overview as
   * loaded (nothing expanded, hidden, focused or traced): the server computed it.
   */
  laidOut?: Positions;
}

/** Whether a state opens on the overview (no focus, no drawn query): the first screen's. */
export const opensOnOverview = (state: ViewState) => !state.focus && state.query.length === 0;

const traceKey = (t: TraceState) =>
  JSON.stringify([t.from, t.to, t.maxSteps, t.avoidHubs, [...t.types].sort()]);

/**
 * Everything fetched from the API, cached, and the pure function that turns a view state
 * into the elements on the canvas. The same state always gives the same elements, whatever
 * order things were fetched in, so a shared link reopens what its author saw.
 */
export class GraphData {
  readonly entities = new Map<string, Entity>();
  readonly relations = new Map<string, Relation>();
  relationTypes: RelationTypeInfo[] = [];
  /** Sizes of the whole graph, known once the first screen is loaded. */
  totals: { entities: number; relations: number } | null = null;
  private overview: (Piece & { truncated: boolean; positions: Positions }) | null = null;
  private readonly expansions = new Map<string, Expansion>();
  private readonly queries = new Map<string, Piece>();
  private readonly searches = new Map<string, PathSearch>();
  /** Attached paragraph texts seen in any answer, by "document:number" (for tooltips). */
  readonly paragraphs = new Map<string, string>();

  private keep(entities: Entity[], relations: Relation[]): Piece {
    for (const e of entities) this.entities.set(e.id, { ...this.entities.get(e.id), ...e });
    for (const r of relations)
      this.relations.set(r.id, { ...r, source: { id: r.source.id }, target: { id: r.target.id } });
    return { entities: entities.map((e) => e.id), relations: relations.map((r) => r.id) };
  }

  /** Fetches whatever `state` needs that is not cached yet. */
  async load(state: ViewState): Promise<void> {
    const work: Promise<unknown>[] = [];
    if (!this.overview && opensOnOverview(state))
      work.push(
        takeEarly('overview', fetchGraph).then(({ graph, positions, relationTypes, totals }) => {
          this.totals = totals;
          this.overview = {
            ...this.keep(graph.entities, graph.relations),
            truncated: graph.truncated,
            positions,
          };
          this.relationTypes = relationTypes;
        }),
      );
    else if (this.relationTypes.length === 0)
      work.push(fetchRelationTypes().then((types) => (this.relationTypes = types)));
    if (
      state.focus &&
      !this.entities.has(state.focus) &&
      !state.expanded.some(([id]) => id === state.focus)
    )
      work.push(this.loadQuery([state.focus]));
    for (const [id, batches] of state.expanded) work.push(this.loadExpansion(id, batches));
    if (state.query.length) work.push(this.loadQuery(state.query));
    await Promise.all(work);
    if (state.trace.from && state.trace.to && state.trace.path !== null)
      await this.loadPaths(state.trace);
  }

  private async loadExpansion(id: string, batches: number): Promise<void> {
    const key = `${id}:${batches}`;
    if (this.expansions.has(key)) return;
    const entity = await fetchNeighbours(id, Math.min(500, batches * EXPAND_BATCH));
    if (!entity) {
      this.expansions.set(key, { entities: [], relations: [], degree: 0 });
      return;
    }
    const { relations, degree, ...self } = entity;
    const neighbours = relations.flatMap((r) => [r.source, r.target]);
    const piece = this.keep([self as Entity, ...neighbours], relations);
    this.expansions.set(key, { ...piece, degree });
  }

  private async loadQuery(ids: string[]): Promise<void> {
    const key = ids.join(',');
    if (this.queries.has(key)) return;
    const found = await fetchEntities(ids);
    const wanted = new Set(found.map((e) => e.id));
    const relations = found
      .flatMap((e) => e.relations)
      .filter((r) => wanted.has(r.source.id) && wanted.has(r.target.id));
    this.queries.set(
      key,
      this.keep(
        found.map(({ relations: _, ...e }) => e as Entity),
        relations,
      ),
    );
  }

  async loadPaths(trace: TraceState): Promise<PathSearch> {
    const key = traceKey(trace);
    const known = this.searches.get(key);
    if (known) return known;
    const search = await fetchPathSearch({
      from: trace.from!,
      to: trace.to!,
      maxLength: trace.maxSteps,
      avoidHubs: trace.avoidHubs,
      types: trace.types,
    });
    for (const path of search.paths) {
      this.keep(path.entities, path.relations);
      for (const hop of path.hops) this.keepTexts(hop.relation.sources);
    }
    this.keep(
      search.nearest.map((n) => n.entity),
      [],
    );
    this.searches.set(key, search);
    return search;
  }

  /** Remembers the attached paragraph texts that came with these sources. */
  keepTexts(sources: SourceRef[]): void {
    for (const source of sources)
      for (const p of source.paragraphTexts ?? [])
        this.paragraphs.set(`${source.document}:${p.number}`, p.text);
  }

  /** The trace's search, with its reasons, when it has been fetched. */
  searchFor(trace: TraceState): PathSearch | undefined {
    return trace.path === null ? undefined : this.searches.get(traceKey(trace));
  }

  /** The trace's results when they have been fetched. */
  pathsFor(trace: TraceState): Path[] | undefined {
    return this.searchFor(trace)?.paths;
  }

  /** How many of an entity's relations an expansion of `batches` leaves out. */
  remaining(id: string, batches: number): number {
    const expansion = this.expansions.get(`${id}:${batches}`);
    return expansion ? Math.max(0, expansion.degree - expansion.relations.length) : 0;
  }

  truncated(): boolean {
    return this.overview?.truncated ?? false;
  }

  /** The elements a state puts on the canvas. */
  elements(state: ViewState): ViewElements {
    const entities = new Set<string>();
    const relations = new Set<string>();
    const add = (piece: Piece | undefined) => {
      piece?.entities.forEach((id) => entities.add(id));
      piece?.relations.forEach((id) => relations.add(id));
    };
    if (state.query.length) add(this.queries.get(state.query.join(',')));
    else if (state.focus) entities.add(state.focus);
    else add(this.overview ?? undefined);
    // An expanded entity is on the canvas with its neighbours, wherever it came from.
    for (const [id, batches] of state.expanded) add(this.expansions.get(`${id}:${batches}`));
    for (const id of state.hidden) entities.delete(id);
    const paths = this.pathsFor(state.trace);
    const path = paths?.[state.trace.path ?? 0] ?? null;
    if (path)
      add({ entities: path.entities.map((e) => e.id), relations: path.relations.map((r) => r.id) });
    const shown = [...entities].filter((id) => this.entities.has(id));
    const asLoaded =
      !state.query.length &&
      !state.focus &&
      !state.expanded.length &&
      !state.hidden.length &&
      !path &&
      this.overview;
    return {
      entities: shown.map((id) => this.entities.get(id)!),
      relations: [...relations]
        .map((id) => this.relations.get(id)!)
        .filter((r) => r && entities.has(r.source.id) && entities.has(r.target.id)),
      path,
      laidOut: asLoaded ? asLoaded.positions : undefined,
    };
  }
}
