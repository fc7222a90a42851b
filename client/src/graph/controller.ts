import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { sentence } from '../../../shared/grammar';
import type { Path } from '../api';
import type { ViewState } from '../state/view-state';
import type { ViewElements } from './data';
import { inRange } from './filters';
import { loadExtensions } from './extensions';
import { fcoseOnCopy, layoutOptions, seeded } from './layouts';
import { edgeDefinition, nodeDefinition } from './model';
import { kindStyle, labelAllEdges } from './styles';

/** What the canvas tells the views; each event has one payload type. */
export interface GraphEvents {
  /** The user tapped an element (its id) or the background (null). */
  tap: string | null;
  /** Double tap on a node: expand it. */
  open: string;
  /** A pinned node was dragged to a new place. */
  moved: { id: string; x: number; y: number };
  /** The pointer is over an element (its id and a line of text, at a point), or left it. */
  hover: { id: string; text: string; x: number; y: number } | null;
}
type Listener<K extends keyof GraphEvents> = (payload: GraphEvents[K]) => void;

/**
 * Sets or clears one class. Cytoscape's toggleClass restyles the element and emits "class"
 * even when nothing changes: on every render that was each element of the canvas, several
 * times, each event also resetting a timer (keepPathLabelsReadable).
 */
function setClass(element: NodeSingular | EdgeSingular, name: string, on: boolean): void {
  if (element.hasClass(name) !== on) element.toggleClass(name, on);
}

/** Deterministic 32-bit hash of an id, for initial positions that do not depend on luck. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface RenderOptions {
  /** Positions from a saved view: placed as they were, with no layout. */
  positions?: Record<string, Position>;
  viewport?: { zoom: number; pan: Position };
  /** Lay everything out afresh (a new view) rather than around what is there. */
  fresh?: boolean;
}

/**
 * The one place that changes the canvas. `render` makes Cytoscape show a view state: it
 * adds and removes elements, applies filters and highlights, runs the layout when the
 * elements or the layout changed, and refits. Views listen to its typed events.
 */
export class GraphController {
  private readonly listeners: { [K in keyof GraphEvents]?: Listener<K>[] } = {};
  private running: { stop(): void } | null = null;
  private laidOut = '';
  private filtered = '';
  private layoutDone: Promise<void> = Promise.resolve();
  private finishRunning: () => void = () => undefined;

  constructor(readonly cy: Core) {
    cy.on('tap', 'node, edge', (e) => this.emit('tap', e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) this.emit('tap', null);
    });
    cy.on('dbltap', 'node', (e) => this.emit('open', e.target.id()));
    cy.on('dragfree', 'node.pinned', (e) => {
      const { x, y } = e.target.position();
      this.emit('moved', { id: e.target.id(), x, y });
    });
    cy.on('mouseover', 'node, edge', (e) => {
      const el = e.target;
      // An edge reads as the trace's steps do ("Korean people are involved in …").
      const text = el.isNode()
        ? `${el.data('label')} · ${kindStyle(el.data('kind')).label}`
        : sentence(el.source().data('entity'), el.data('label'), el.target().data('label'));
      const { x, y } = e.renderedPosition ?? { x: 0, y: 0 };
      this.emit('hover', { id: el.id(), text, x, y });
    });
    cy.on('mouseout', 'node, edge', () => this.emit('hover', null));
    // Cytoscape notices a new size 100 ms late (debounced, and restarted by every change of
    // the container's attributes, data-layout among them), so a fit could use a stale size
    // and the user saw the graph jump. The observer runs before the frame is painted.
    const container = cy.container();
    if (container && typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => this.refitAfterResize()).observe(container);
    }
  }

  on<K extends keyof GraphEvents>(event: K, listener: Listener<K>): void {
    ((this.listeners[event] ??= []) as Listener<K>[]).push(listener);
  }

  private emit<K extends keyof GraphEvents>(event: K, payload: GraphEvents[K]): void {
    for (const listener of (this.listeners[event] ?? []) as Listener<K>[]) listener(payload);
  }

  private holds = 0;

  /**
   * Marks the canvas busy (data-layout="running") until the returned release is called;
   * tools and tests wait for data-layout="idle", which means every hold was released.
   */
  hold(): () => void {
    const container = this.cy.container();
    this.holds++;
    if (container) container.dataset.layout = 'running';
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (container && this.holds === 0) container.dataset.layout = 'idle';
    };
  }

  /** Makes the canvas show `state` with `elements`; resolves when it is laid out and fitted. */
  async render(state: ViewState, view: ViewElements, options: RenderOptions = {}): Promise<void> {
    const cy = this.cy;
    const wanted = new Set([
      ...view.entities.map((e) => e.id),
      ...view.relations.map((r) => `rel:${r.id}`),
    ]);
    let changed = false;
    let unplaced = false;
    // On an empty canvas there is no picture to follow: the first screen appears in place,
    // with no layout or viewport animation.
    const first = cy.nodes().empty();
    const fresh = options.fresh || first;
    cy.batch(() => {
      const gone = cy.elements().filter((el) => !wanted.has(el.id()));
      if (gone.nonempty()) changed = true;
      gone.remove();
      const side = 60 * Math.sqrt(view.entities.length + 1);
      // New nodes go in a ring around the neighbour already drawn (an expansion keeps the
      // picture the user knows); nodes with no such neighbour need a layout.
      const rings = new Map<string, string[]>();
      for (const entity of [...view.entities].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        const node = cy.getElementById(entity.id);
        if (node.nonempty()) {
          node.data('entity', entity);
          continue;
        }
        changed = true;
        const anchor = fresh || options.positions ? null : this.anchorFor(entity.id, view);
        if (anchor) rings.set(anchor, [...(rings.get(anchor) ?? []), entity.id]);
        else unplaced = true;
        const h = hash(entity.id);
        const position = options.positions?.[entity.id] ?? {
          x: ((h % 1000) / 1000) * side,
          y: (((h >>> 10) % 1000) / 1000) * side,
        };
        cy.add({ ...nodeDefinition(entity), position });
      }
      for (const [anchor, ids] of rings) {
        const centre = cy.getElementById(anchor).position();
        const radius = 110 + 8 * ids.length;
        ids.forEach((id, i) => {
          const angle = (2 * Math.PI * i) / ids.length;
          cy.getElementById(id).position({
            x: centre.x + radius * Math.cos(angle),
            y: centre.y + radius * Math.sin(angle),
          });
        });
      }
      for (const relation of view.relations) {
        if (cy.hasElementWithId(`rel:${relation.id}`)) continue;
        changed = true;
        cy.add(edgeDefinition(relation));
      }
      this.applyClasses(state, view.path);
      // In the same batch: Cytoscape styles the new elements once, with their bundles' labels.
      this.bundle();
    });
    performance.mark('tracegraph:added');
    const layoutKey = `${state.layout}|${state.pinned.map((p) => `${p.id}@${p.x},${p.y}`).join()}|${view.path ? state.trace.path : ''}`;
    if (options.positions) {
      // A saved view puts every node back where it was, not only the ones added now.
      cy.nodes().forEach((node: NodeSingular) => {
        const at = options.positions![node.id()];
        if (at) node.position(at);
      });
      this.laidOut = layoutKey;
      if (options.viewport) {
        cy.zoom(options.viewport.zoom);
        cy.pan(options.viewport.pan);
      }
      return;
    }
    // Refit after anything that changes what is drawn (focus, expand, more, brush, trace),
    // not after a selection, which would undo the user's zoom.
    const filterKey = JSON.stringify([state.hiddenKinds, state.hiddenTypes, state.range]);
    const refit = changed || filterKey !== this.filtered || layoutKey !== this.laidOut;
    this.filtered = filterKey;
    if (fresh || unplaced || layoutKey !== this.laidOut) {
      this.laidOut = layoutKey;
      if (first && this.asLaidOut(state, view.laidOut)) this.place(view.laidOut!);
      else await this.layout(state, view.path, fresh, !first);
      performance.mark('tracegraph:laid-out');
      cy.one('render', () => performance.mark('tracegraph:painted'));
    }
    if (refit) await this.fit(view.path, !first);
  }

  /**
   * Whether a layout computed ahead (the overview's, by the server running this controller
   * headless on the same elements) is the picture the state's layout would draw: fCoSE over
   * every element, none pinned, filtered out or selected (a selection's wider border changes
   * the node sizes fCoSE works with).
   */
  private asLaidOut(state: ViewState, positions: ViewElements['laidOut']): boolean {
    return (
      positions !== undefined &&
      state.layout === 'fcose' &&
      state.pinned.length === 0 &&
      this.cy.$(':selected, .hidden').empty() &&
      this.cy
        .nodes()
        .toArray()
        .every((node) => node.id() in positions)
    );
  }

  private place(positions: Record<string, Position>): void {
    this.running?.stop();
    this.finishRunning();
    this.cy.batch(() =>
      this.cy.nodes().forEach((node: NodeSingular) => {
        node.position(positions[node.id()]!);
      }),
    );
  }

  /** Where a new node should appear: beside a neighbour already on the canvas. */
  private anchorFor(id: string, view: ViewElements): string | null {
    for (const r of view.relations) {
      const other = r.source.id === id ? r.target.id : r.target.id === id ? r.source.id : null;
      if (other && this.cy.getElementById(other).nonempty()) return other;
    }
    return null;
  }

  /** Filters, pins, selection and the trace's highlight, all from the state. */
  private applyClasses(state: ViewState, path: Path | null): void {
    const cy = this.cy;
    const kinds = new Set(state.hiddenKinds);
    const types = new Set(state.hiddenTypes);
    cy.nodes().forEach((node: NodeSingular) => {
      setClass(
        node,
        'hidden',
        kinds.has(node.data('kind')) || !inRange(node.data('entity'), state.range, true),
      );
    });
    cy.edges().forEach((edge: EdgeSingular) => {
      setClass(
        edge,
        'hidden',
        types.has(edge.data('type')) ||
          !inRange(edge.data('relation'), state.range, false) ||
          edge.source().hasClass('hidden') ||
          edge.target().hasClass('hidden'),
      );
    });
    const pins = new Map(state.pinned.map((p) => [p.id, p]));
    cy.nodes().forEach((node: NodeSingular) => {
      const pin = pins.get(node.id());
      // Pins are not Cytoscape locks (fCoSE mishandles locked nodes): they are fixed
      // constraints in fCoSE and put back after any other layout; dragging one moves the pin.
      if (pin) node.position({ x: pin.x, y: pin.y });
      setClass(node, 'pinned', !!pin);
    });
    cy.$('.faded, .on-path, .current-step').removeClass('faded on-path current-step');
    if (path) {
      const ids = new Set([
        ...path.entities.map((e) => e.id),
        ...path.relations.map((r) => `rel:${r.id}`),
      ]);
      cy.elements().forEach((el) => {
        el.addClass(ids.has(el.id()) ? 'on-path' : 'faded');
      });
      const step = path.relations[state.trace.step];
      if (step) cy.getElementById(`rel:${step.id}`).addClass('current-step');
    }
    cy.$(':selected').unselect();
    // What the user picked is never dimmed, even off the traced path.
    if (state.selected) cy.getElementById(state.selected).select().removeClass('faded');
  }

  /**
   * Parallel edges between the same two nodes are drawn as one, labelled with the first
   * phrase and how many more there are; the others stay selectable through the details.
   */
  private bundle(): void {
    const groups = new Map<string, EdgeSingular[]>();
    this.cy.edges().forEach((edge: EdgeSingular) => {
      const key = [edge.source().id(), edge.target().id()].sort().join('|');
      groups.set(key, [...(groups.get(key) ?? []), edge]);
    });
    this.cy.batch(() => {
      for (const edges of groups.values()) {
        const visible = edges.filter((e) => !e.hasClass('hidden'));
        // The traced step's edge, when there is one, is the bundle's face.
        visible.sort((a, b) => Number(b.hasClass('on-path')) - Number(a.hasClass('on-path')));
        visible.forEach((edge, i) => {
          setClass(edge, 'bundled', i > 0);
          const display =
            i === 0 && visible.length > 1
              ? `${edge.data('label')} (+${visible.length - 1})`
              : edge.data('label');
          // Setting data restyles the edge even when the value is the same.
          if (edge.data('display') !== display) edge.data('display', display);
        });
        edges
          .filter((e) => e.hasClass('hidden') && e.hasClass('bundled'))
          .forEach((e) => e.removeClass('bundled'));
      }
    });
  }

  /** Runs the state's layout, seeded so the same graph always gives the same picture. */
  private async layout(
    state: ViewState,
    path: Path | null,
    fresh: boolean,
    animate: boolean,
  ): Promise<void> {
    await loadExtensions();
    // A stopped layout may never say so: whoever waited for it is let go here.
    this.running?.stop();
    this.finishRunning();
    const cy = this.cy;
    // A chosen path is laid out from scratch over every element in a fixed order, whatever
    // is filtered out or was drawn before: its picture is a function of the view state, so
    // a share link reopens it with every node where it was.
    const traced = path !== null && state.layout === 'fcose';
    const eles = traced
      ? cy.elements().sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0))
      : cy.elements().not('.hidden').not('.bundled');
    if (eles.empty()) return Promise.resolve();
    const options = layoutOptions(
      cy,
      state.layout,
      eles.nodes('.pinned'),
      fresh || traced,
      animate,
    );
    // fCoSE is computed on a headless copy, where filtered and bundled elements of a traced
    // view take part (and stay invisible here), so that picture does not depend on filters.
    const layout = eles.layout(state.layout === 'fcose' ? fcoseOnCopy(eles, options) : options);
    this.running = layout;
    this.layoutDone = new Promise<void>((resolve) => {
      this.finishRunning = resolve;
      layout.one('layoutstop', () => {
        for (const pin of state.pinned) cy.getElementById(pin.id).position({ x: pin.x, y: pin.y });
        // fCoSE centres its result where the old picture was; without pins to hold it, the
        // path's first node is put at the origin so the picture does not depend on history.
        if (traced && state.pinned.length === 0) {
          const origin = { ...cy.getElementById(path.entities[0]!.id).position() };
          cy.nodes().shift({ x: -origin.x, y: -origin.y });
        }
        if (traced) this.straighten(path);
        resolve();
      });
    });
    seeded(() => layout.run());
    return this.layoutDone;
  }

  /**
   * Lays a chosen path out in a row and moves every other node out of the band its edges
   * run through, so a traced edge never passes over an unrelated node.
   */
  private straighten(path: Path): void {
    const cy = this.cy;
    const nodes = path.entities.map((e) => cy.getElementById(e.id));
    const first = nodes[0]!.position();
    const gap = 160;
    const band = 45;
    cy.batch(() => {
      nodes.forEach((node, i) => {
        if (!node.hasClass('pinned')) node.position({ x: first.x + i * gap, y: first.y });
      });
      const left = first.x - band;
      const right = first.x + (nodes.length - 1) * gap + band;
      cy.nodes()
        .not('.on-path')
        .forEach((node: NodeSingular) => {
          const p = node.position();
          if (
            node.hasClass('pinned') ||
            p.x < left ||
            p.x > right ||
            Math.abs(p.y - first.y) > band
          )
            return;
          const side = p.y >= first.y ? 1 : -1;
          node.position({ x: p.x, y: first.y + side * (band + 10 + (hash(node.id()) % 60)) });
        });
    });
  }

  /** Refits (animated unless told): to the path when one is chosen, else to everything visible. */
  private fit(path: Path | null, animate = true): Promise<void> {
    const cy = this.cy;
    if (!cy.container()) return Promise.resolve();
    const target = path ? cy.$('.on-path') : cy.elements().not('.hidden');
    if (target.empty()) return Promise.resolve();
    cy.resize(); // the container's size now, not the one Cytoscape last noticed
    const fitted = () => {
      this.fitted = { path, zoom: cy.zoom(), pan: { ...cy.pan() }, size: this.size() };
    };
    if (!animate) {
      cy.stop(true);
      cy.fit(target, 40);
      fitted();
      return Promise.resolve();
    }
    return this.animate({ fit: { eles: target, padding: 40 } }).then(fitted);
  }

  /** The viewport the last fit left, while nobody has moved it since. */
  private fitted: { path: Path | null; zoom: number; pan: Position; size: string } | null = null;

  private size(): string {
    return `${this.cy.width()}×${this.cy.height()}`;
  }

  /**
   * The canvas changed size (the panels beside it filled in after the first fit, or the
   * window was resized): a view still as fitted is fitted again, else its bottom rows end
   * up under the timeline (the first screen was fitted to 760×822 and shown in 724×724).
   */
  private refitAfterResize(): void {
    this.cy.resize();
    const was = this.fitted;
    if (!was || was.size === this.size()) return;
    const pan = this.cy.pan();
    if (this.cy.zoom() === was.zoom && pan.x === was.pan.x && pan.y === was.pan.y) {
      void this.fit(was.path, false);
    } else this.fitted = null;
  }

  /**
   * One viewport animation at a time; resolves when it ends, or shortly after it was due
   * when a newer animation stopped it (a stopped animation never calls back).
   */
  private animate(to: object, duration = 250): Promise<void> {
    return new Promise((resolve) => {
      const timer = window.setTimeout(resolve, duration + 400);
      this.cy.stop(true);
      this.cy.animate(to as never, {
        duration,
        complete: () => {
          window.clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Centres an element without changing the view state (search, timeline, keyboard). */
  reveal(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.empty() || !this.cy.container()) return;
    void this.animate({ center: { eles: element }, zoom: Math.max(this.cy.zoom(), 1) }).then(
      this.hold(),
    );
  }

  fitAll(): void {
    void this.fit(null);
  }

  zoom(factor: number): void {
    const centre = { x: this.cy.width() / 2, y: this.cy.height() / 2 };
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: centre });
  }

  /** What the filters leave on the canvas: the status line and the timeline both say this. */
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

  /** The visible neighbour of `id` that lies furthest in a direction (keyboard moves). */
  neighbourToward(id: string, dx: number, dy: number): string | null {
    const node = this.cy.getElementById(id);
    if (node.empty()) return null;
    const here = node.position();
    let best: { id: string; score: number } | null = null;
    node
      .neighborhood('node')
      .not('.hidden')
      .forEach((other: NodeSingular) => {
        const p = other.position();
        const vx = p.x - here.x;
        const vy = p.y - here.y;
        const along = vx * dx + vy * dy;
        if (along <= 0) return;
        const score = along / Math.hypot(vx, vy) - Math.hypot(vx, vy) / 10000;
        if (!best || score > best.score) best = { id: other.id(), score };
      });
    return (best as { id: string } | null)?.id ?? null;
  }

  /** The most connected visible node, where keyboard navigation starts. */
  firstNode(): string | null {
    const nodes = this.cy.nodes().not('.hidden');
    if (nodes.empty()) return null;
    return nodes.max((n: NodeSingular) => n.degree(false)).ele.id();
  }

  /** The whole graph as a PNG at twice its size, where every edge label can be read. */
  png(): Blob {
    labelAllEdges(this.cy);
    return this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
  }

  positions(): Record<string, Position> {
    return Object.fromEntries(
      this.cy.nodes().map((n: NodeSingular) => [n.id(), { ...n.position() }]),
    );
  }
}
