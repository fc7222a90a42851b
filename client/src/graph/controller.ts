import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { Entity, Path, Relation, Subgraph } from '../api';
import { type LayoutName, layoutOptions } from './layouts';
import { edgeDefinition, nodeDefinition } from './model';

export type Selection =
  { kind: 'entity'; entity: Entity } | { kind: 'relation'; relation: Relation } | null;
type Change = { label: string; added: string[]; removed: ElementDefinition[] };
type Listener = (event: string, payload?: unknown) => void;

/**
 * The one place that changes the graph. Views call it and listen to its events
 * ("selected", "changed", "path-step"); none of them touches Cytoscape directly.
 */
export class GraphController {
  private readonly listeners: Listener[] = [];
  private readonly undoStack: Change[] = [];
  private readonly expansions = new Map<string, string[]>();
  private hiddenKinds = new Set<string>();
  private hiddenTypes = new Set<string>();
  private range: { from: string | null; to: string | null } = { from: null, to: null };
  private running: { stop(): void } | null = null;
  layoutName: LayoutName = 'fcose';
  path: Path | null = null;
  step = -1;

  constructor(readonly cy: Core) {
    cy.on('tap', 'node', (e) =>
      this.emit('selected', { kind: 'entity', entity: e.target.data('entity') }),
    );
    cy.on('tap', 'edge', (e) =>
      this.emit('selected', { kind: 'relation', relation: e.target.data('relation') }),
    );
    cy.on('tap', (e) => {
      if (e.target === cy) this.emit('selected', null);
    });
  }

  on(listener: Listener): void {
    this.listeners.push(listener);
  }

  private emit(event: string, payload?: unknown): void {
    this.listeners.forEach((listener) => listener(event, payload));
  }

  /** Replaces the whole view (first load, a shared link, a saved view). */
  replace(subgraph: Subgraph): void {
    this.cy.batch(() => {
      this.cy.elements().remove();
      // Spread out before the layout runs: edges between coincident nodes cannot be drawn.
      const side = 40 * Math.sqrt(subgraph.entities.length + 1);
      this.cy.add(
        subgraph.entities.map((entity) => ({
          ...nodeDefinition(entity),
          position: { x: Math.random() * side, y: Math.random() * side },
        })),
      );
      this.cy.add(subgraph.relations.filter((r) => this.hasEnds(r)).map(edgeDefinition));
    });
    this.undoStack.length = 0;
    this.expansions.clear();
    this.applyFilters();
    this.layout();
    this.emit('changed');
  }

  private byIds(ids: string[]) {
    let collection = this.cy.collection();
    for (const id of ids) collection = collection.union(this.cy.getElementById(id));
    return collection;
  }

  private hasEnds(relation: Relation): boolean {
    return (
      this.cy.hasElementWithId(relation.source.id) && this.cy.hasElementWithId(relation.target.id)
    );
  }

  /**
   * Adds entities and relations around `origin` without moving what is there: new nodes are
   * placed in a ring around it, so an arrangement the user made survives.
   */
  add(entities: Entity[], relations: Relation[], origin?: string, label = 'add'): string[] {
    const added: string[] = [];
    const centre = origin ? this.cy.getElementById(origin) : null;
    const unique = new Map(entities.map((e) => [e.id, e]));
    const fresh = [...unique.values()].filter((e) => !this.cy.hasElementWithId(e.id));
    this.cy.batch(() => {
      fresh.forEach((entity, i) => {
        const node = this.cy.add(nodeDefinition(entity));
        const base = centre?.nonempty() ? centre.position() : { x: 0, y: 0 };
        const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
        const radius = 110 + 8 * fresh.length;
        node.position({
          x: base.x + radius * Math.cos(angle),
          y: base.y + radius * Math.sin(angle),
        });
        added.push(entity.id);
      });
      for (const relation of relations) {
        const id = `rel:${relation.id}`;
        if (this.cy.hasElementWithId(id) || !this.hasEnds(relation)) continue;
        this.cy.add(edgeDefinition(relation));
        added.push(id);
      }
    });
    if (added.length > 0) this.undoStack.push({ label, added, removed: [] });
    this.applyFilters();
    this.emit('changed');
    return added;
  }

  /** Records what expanding `id` added, so collapse() can take exactly that away. */
  expand(id: string, entities: Entity[], relations: Relation[]): number {
    const added = this.add(entities, relations, id, `expand ${id}`);
    this.expansions.set(id, [...(this.expansions.get(id) ?? []), ...added]);
    return added.filter((a) => !a.startsWith('rel:')).length;
  }

  expandedCount(id: string): number {
    return this.cy.getElementById(id).connectedEdges().length;
  }

  collapse(id: string): void {
    const added = this.expansions.get(id) ?? [];
    const keep = (elementId: string) => {
      const element = this.cy.getElementById(elementId);
      return element.hasClass('pinned') || element.selected();
    };
    const removable = this.byIds(added.filter((a) => !keep(a)));
    const gone = removable.union(removable.connectedEdges());
    this.undoStack.push({
      label: `collapse ${id}`,
      added: [],
      removed: gone.jsons() as ElementDefinition[],
    });
    gone.remove();
    this.expansions.delete(id);
    this.emit('changed');
  }

  hide(id: string): void {
    const node = this.cy.getElementById(id);
    const gone = node.union(node.connectedEdges());
    this.undoStack.push({
      label: `hide ${id}`,
      added: [],
      removed: gone.jsons() as ElementDefinition[],
    });
    gone.remove();
    this.emit('selected', null);
    this.emit('changed');
  }

  togglePin(id: string): boolean {
    const node = this.cy.getElementById(id);
    node.toggleClass('pinned');
    const pinned = node.hasClass('pinned');
    if (pinned) node.lock();
    else node.unlock();
    this.emit('changed');
    return pinned;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  undo(): string | null {
    const change = this.undoStack.pop();
    if (!change) return null;
    this.cy.batch(() => {
      this.byIds(change.added).remove();
      if (change.removed.length > 0) this.cy.add(change.removed);
    });
    this.applyFilters();
    this.emit('changed');
    return change.label;
  }

  setHiddenKinds(kinds: Set<string>): void {
    this.hiddenKinds = kinds;
    this.applyFilters();
  }

  setHiddenTypes(types: Set<string>): void {
    this.hiddenTypes = types;
    this.applyFilters();
  }

  /** Shows the graph as it stood within a date range: undated items always stay. */
  setRange(from: string | null, to: string | null): void {
    this.range = { from, to };
    this.applyFilters();
  }

  /** How much of the loaded graph the kind, type and date filters leave on the canvas. */
  visibleCounts(): {
    entities: number;
    relations: number;
    totalEntities: number;
    totalRelations: number;
  } {
    return {
      entities: this.cy.nodes().not('.hidden').length,
      relations: this.cy.edges().not('.hidden').length,
      totalEntities: this.cy.nodes().length,
      totalRelations: this.cy.edges().length,
    };
  }

  private outOfRange(data: { start: string | null; end: string | null } | undefined): boolean {
    if (!data) return false;
    const { from, to } = this.range;
    if (to && data.start && data.start.slice(0, to.length) > to) return true;
    if (from && data.end && data.end.slice(0, from.length) < from) return true;
    return false;
  }

  private applyFilters(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const hidden =
          this.hiddenKinds.has(node.data('kind')) || this.outOfRange(node.data('entity'));
        node.toggleClass('hidden', hidden);
      });
      this.cy.edges().forEach((edge) => {
        const hidden =
          this.hiddenTypes.has(edge.data('type')) ||
          this.outOfRange(edge.data('relation')) ||
          edge.source().hasClass('hidden') ||
          edge.target().hasClass('hidden');
        edge.toggleClass('hidden', hidden);
      });
    });
    this.emit('filtered');
  }

  select(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.$(':selected').unselect();
    element.select();
    this.cy.animate(
      { center: { eles: element }, zoom: Math.max(this.cy.zoom(), 1) },
      { duration: 300 },
    );
    const entity = element.data('entity');
    this.emit(
      'selected',
      entity
        ? { kind: 'entity', entity }
        : { kind: 'relation', relation: element.data('relation') },
    );
  }

  layout(name: LayoutName = this.layoutName): void {
    this.layoutName = name;
    this.running?.stop();
    const fixed = this.cy.nodes('.pinned');
    const layout = this.cy.elements(':visible').layout(layoutOptions(this.cy, name, fixed));
    this.running = layout;
    // The container says whether a layout is running, so tools and tests can wait for it.
    const container = this.cy.container();
    if (container) container.dataset.layout = 'running';
    layout.one('layoutstop', () => {
      this.cy.fit(this.cy.elements(':visible'), 30);
      if (container) container.dataset.layout = 'idle';
    });
    layout.run();
  }

  /** Highlights a traced path, adding what is missing, and fades everything else. */
  showPath(path: Path): void {
    this.add(path.entities, path.relations, path.entities[0]?.id, 'trace');
    this.path = path;
    const ids = [...path.entities.map((e) => e.id), ...path.relations.map((r) => `rel:${r.id}`)];
    this.cy.batch(() => {
      this.cy.elements().removeClass('on-path current-step').addClass('faded');
      this.byIds(ids).removeClass('faded').addClass('on-path');
    });
    this.step = -1;
    this.cy.animate({ fit: { eles: this.cy.$('.on-path'), padding: 60 } }, { duration: 300 });
    this.emit('path', path);
  }

  stepTo(index: number): Relation | null {
    const relation = this.path?.relations[index];
    if (!relation) return null;
    this.step = index;
    this.cy.edges().removeClass('current-step');
    this.cy.getElementById(`rel:${relation.id}`).addClass('current-step');
    this.emit('path-step', { index, relation });
    return relation;
  }

  clearPath(): void {
    this.path = null;
    this.step = -1;
    this.cy.elements().removeClass('faded on-path current-step');
    this.emit('path', null);
  }

  fit(): void {
    this.cy.animate(
      { fit: { eles: this.cy.elements(':visible'), padding: 30 } },
      { duration: 250 },
    );
  }

  zoom(factor: number): void {
    const centre = { x: this.cy.width() / 2, y: this.cy.height() / 2 };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: centre });
  }

  nodeIds(): string[] {
    return this.cy.nodes().map((n: NodeSingular) => n.id());
  }
}
