import { initialState, normalise, type ViewState } from './view-state';

/**
 * The view as a query string and back: every field of the state that differs from the
 * default, so a copied link reopens exactly the same view and stays short for simple ones.
 * Ids are slugs (no "," "@" or ":"), so lists are comma-separated.
 */
export function toQuery(state: ViewState): string {
  const base = initialState();
  const params = new URLSearchParams();
  const set = (key: string, value: string | null | undefined) => {
    if (value) params.set(key, value);
  };
  const list = (key: string, values: string[]) => set(key, values.join(','));
  set('focus', state.focus);
  list(
    'expanded',
    state.expanded.map(([id, n]) => (n > 1 ? `${id}:${n}` : id)),
  );
  list('hidden', state.hidden);
  list(
    'pinned',
    state.pinned.map((p) => `${p.id}@${Math.round(p.x)}@${Math.round(p.y)}`),
  );
  set('selected', state.selected);
  list('kinds', state.hiddenKinds);
  list('types', state.hiddenTypes);
  if (state.layout !== base.layout) set('layout', state.layout);
  const { trace, range } = state;
  set('from', trace.from);
  set('to', trace.to);
  if (trace.maxSteps !== base.trace.maxSteps) set('max', String(trace.maxSteps));
  if (trace.avoidHubs) set('avoid', 'hubs');
  list('via', trace.types);
  if (trace.path !== null) set('path', String(trace.path));
  if (trace.step) set('step', String(trace.step));
  set('start', range.from);
  set('end', range.to);
  if (range.mode !== base.range.mode) set('mode', range.mode);
  if (range.undated !== base.range.undated) set('undated', range.undated);
  list('query', state.query);
  if (state.panel !== base.panel) set('panel', state.panel);
  return params.toString();
}

export function fromQuery(search: string): ViewState {
  const params = new URLSearchParams(search);
  const get = (key: string) => params.get(key) || null;
  const list = (key: string) => (params.get(key) ?? '').split(',').filter(Boolean);
  const number = (key: string) => (params.has(key) ? Number(params.get(key)) : undefined);
  return normalise({
    focus: get('focus'),
    expanded: list('expanded').map((item) => {
      const [id, n] = item.split(':');
      return [id!, Number(n ?? 1)];
    }),
    hidden: list('hidden'),
    pinned: list('pinned').map((item) => {
      const [id, x, y] = item.split('@');
      return { id: id!, x: Number(x), y: Number(y) };
    }),
    selected: get('selected'),
    hiddenKinds: list('kinds'),
    hiddenTypes: list('types'),
    layout: (get('layout') ?? undefined) as ViewState['layout'],
    trace: {
      from: get('from'),
      to: get('to'),
      maxSteps: number('max') ?? initialState().trace.maxSteps,
      avoidHubs: get('avoid') === 'hubs',
      types: list('via'),
      path: number('path') ?? null,
      step: number('step') ?? 0,
    },
    range: {
      from: get('start'),
      to: get('end'),
      mode: get('mode') === 'asof' ? 'asof' : 'range',
      undated: get('undated') === 'hide' ? 'hide' : 'show',
    },
    query: list('query'),
    panel: (get('panel') ?? undefined) as ViewState['panel'],
  });
}
