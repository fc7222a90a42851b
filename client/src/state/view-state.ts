/**
 * The explorer's whole view as one plain, serialisable value. Every user action is one
 * transition of it; the canvas, the panels and the URL are drawn from it.
 */

import { PATH_LIMITS } from '../../../shared/limits';

export type LayoutName = 'fcose' | 'concentric' | 'dagre' | 'circle';
export const LAYOUT_NAMES: readonly LayoutName[] = ['fcose', 'concentric', 'dagre', 'circle'];

/** Which panel is open: on a phone one at a time, on a desktop only `query` covers the rest. */
export type PanelName = 'graph' | 'trace' | 'details' | 'filters' | 'query';
export const PANEL_NAMES: readonly PanelName[] = ['graph', 'trace', 'details', 'filters', 'query'];

/** The trace's form and its answer: `path` is null until it has run. */
export interface TraceState {
  from: string | null;
  to: string | null;
  maxSteps: number;
  avoidHubs: boolean;
  /** Only these relationship types (empty: all). */
  types: string[];
  /** The chosen path's index in the results; null while nothing has been traced. */
  path: number | null;
  /** The step shown in the step box. */
  step: number;
}

/**
 * The timeline's filter. `range` keeps what overlaps from..to (a sliding window); `asof`
 * keeps what existed at `to`. Undated entities are shown or hidden as the user chose.
 */
export interface RangeState {
  from: string | null;
  to: string | null;
  mode: 'range' | 'asof';
  undated: 'show' | 'hide';
}

/** A pinned node keeps its place: the position is part of the view. */
export interface Pin {
  id: string;
  x: number;
  y: number;
}

export interface ViewState {
  /** Start from this entity alone instead of the overview. */
  focus: string | null;
  /** Expanded entities in the order they were expanded, with how many batches are shown. */
  expanded: [string, number][];
  hidden: string[];
  pinned: Pin[];
  /** An entity id, or "rel:<id>" for a relation. */
  selected: string | null;
  hiddenKinds: string[];
  hiddenTypes: string[];
  layout: LayoutName;
  trace: TraceState;
  range: RangeState;
  /** Entities drawn from a query's results: the canvas shows them alone. */
  query: string[];
  panel: PanelName;
}

export const MIN_STEPS = PATH_LIMITS.minLength;
export const MAX_STEPS = PATH_LIMITS.pathLength;
export const DEFAULT_STEPS = PATH_LIMITS.defaultLength;

export const emptyTrace = (): TraceState => ({
  from: null,
  to: null,
  maxSteps: DEFAULT_STEPS,
  avoidHubs: false,
  types: [],
  path: null,
  step: 0,
});

export const initialState = (): ViewState => ({
  focus: null,
  expanded: [],
  hidden: [],
  pinned: [],
  selected: null,
  hiddenKinds: [],
  hiddenTypes: [],
  layout: 'fcose',
  trace: emptyTrace(),
  range: { from: null, to: null, mode: 'range', undated: 'show' },
  query: [],
  panel: 'graph',
});

/** How many batches of neighbours an entity shows (0: not expanded). */
export const batchesOf = (state: ViewState, id: string): number =>
  state.expanded.find(([entity]) => entity === id)?.[1] ?? 0;

export const sameState = (a: ViewState, b: ViewState): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** The transitions user actions make; each returns a new state and never mutates. */
export const actions = {
  focus: (s: ViewState, id: string): ViewState => ({
    ...s,
    focus: id,
    expanded: [[id, 1]],
    hidden: [],
    query: [],
    selected: id,
  }),
  /** Expanding again shows one more batch of neighbours ("More…"). */
  expand: (s: ViewState, id: string): ViewState => {
    const batches = batchesOf(s, id);
    return {
      ...s,
      expanded: batches
        ? s.expanded.map(([e, n]) => [e, e === id ? n + 1 : n] as [string, number])
        : [...s.expanded, [id, 1]],
      hidden: s.hidden.filter((h) => h !== id),
    };
  },
  collapse: (s: ViewState, id: string): ViewState => ({
    ...s,
    expanded: s.expanded.filter(([e]) => e !== id),
  }),
  hide: (s: ViewState, id: string): ViewState => ({
    ...s,
    hidden: s.hidden.includes(id) ? s.hidden : [...s.hidden, id],
    pinned: s.pinned.filter((p) => p.id !== id),
    selected: s.selected === id ? null : s.selected,
  }),
  pin: (s: ViewState, pin: Pin): ViewState => ({
    ...s,
    pinned: [...s.pinned.filter((p) => p.id !== pin.id), pin],
  }),
  unpin: (s: ViewState, id: string): ViewState => ({
    ...s,
    pinned: s.pinned.filter((p) => p.id !== id),
  }),
  select: (s: ViewState, id: string | null): ViewState => ({ ...s, selected: id }),
  /** A new trace replaces the old one completely. */
  trace: (s: ViewState, trace: Omit<TraceState, 'path' | 'step'>): ViewState => ({
    ...s,
    trace: { ...trace, path: 0, step: 0 },
    // A relation picked on the old path goes with it; a picked entity stays.
    selected: s.selected?.startsWith('rel:') ? null : s.selected,
  }),
  pickPath: (s: ViewState, index: number): ViewState => ({
    ...s,
    trace: { ...s.trace, path: index, step: 0 },
  }),
  step: (s: ViewState, step: number): ViewState => ({ ...s, trace: { ...s.trace, step } }),
  clearTrace: (s: ViewState): ViewState => ({ ...s, trace: emptyTrace() }),
  setEnd: (s: ViewState, end: 'from' | 'to', id: string): ViewState => ({
    ...s,
    trace: { ...s.trace, [end]: id, path: null, step: 0 },
    panel: 'trace',
  }),
};

/** Keeps only what a state may hold, so a hand-edited link or file cannot break the view. */
export function normalise(value: Partial<ViewState> | undefined): ViewState {
  const base = initialState();
  if (!value || typeof value !== 'object') return base;
  const strings = (v: unknown) =>
    Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string'))] : [];
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const trace = { ...base.trace, ...(value.trace ?? {}) };
  const range = { ...base.range, ...(value.range ?? {}) };
  const steps = Number(trace.maxSteps);
  return {
    focus: text(value.focus),
    expanded: Array.isArray(value.expanded)
      ? value.expanded
          .filter((e) => Array.isArray(e) && typeof e[0] === 'string')
          .map(([id, n]) => [id, Math.max(1, Math.min(50, Math.floor(Number(n)) || 1))])
      : [],
    hidden: strings(value.hidden),
    pinned: Array.isArray(value.pinned)
      ? value.pinned
          .filter((p) => p && typeof p.id === 'string')
          .map((p) => ({ id: p.id, x: Number(p.x) || 0, y: Number(p.y) || 0 }))
      : [],
    selected: text(value.selected),
    hiddenKinds: strings(value.hiddenKinds),
    hiddenTypes: strings(value.hiddenTypes),
    layout: LAYOUT_NAMES.includes(value.layout as LayoutName) ? value.layout! : base.layout,
    trace: {
      from: text(trace.from),
      to: text(trace.to),
      maxSteps:
        Number.isInteger(steps) && steps >= MIN_STEPS && steps <= MAX_STEPS ? steps : DEFAULT_STEPS,
      avoidHubs: trace.avoidHubs === true,
      types: strings(trace.types),
      path:
        Number.isInteger(trace.path) && (trace.path as number) >= 0 ? (trace.path as number) : null,
      step: Number.isInteger(trace.step) && trace.step >= 0 ? trace.step : 0,
    },
    range: {
      from: text(range.from),
      to: text(range.to),
      mode: range.mode === 'asof' ? 'asof' : 'range',
      undated: range.undated === 'hide' ? 'hide' : 'show',
    },
    query: strings(value.query),
    panel: PANEL_NAMES.includes(value.panel as PanelName) ? value.panel! : base.panel,
  };
}
