/** The view in the URL (?selected=…&expanded=…&from=…&to=…&start=…&end=…), for shared links. */
export interface ViewState {
  /** Start from this entity alone instead of the whole graph. */
  focus?: string;
  selected?: string;
  expanded: string[];
  from?: string;
  to?: string;
  start?: string;
  end?: string;
}

export function readState(search = window.location.search): ViewState {
  const params = new URLSearchParams(search);
  const get = (key: string) => params.get(key) || undefined;
  return {
    focus: get('focus'),
    selected: get('selected'),
    expanded: (params.get('expanded') ?? '').split(',').filter(Boolean),
    from: get('from'),
    to: get('to'),
    start: get('start'),
    end: get('end'),
  };
}

export function writeState(state: ViewState): void {
  const params = new URLSearchParams();
  if (state.focus) params.set('focus', state.focus);
  if (state.selected) params.set('selected', state.selected);
  if (state.expanded.length) params.set('expanded', [...new Set(state.expanded)].join(','));
  for (const key of ['from', 'to', 'start', 'end'] as const)
    if (state[key]) params.set(key, state[key]!);
  const query = params.toString();
  window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
}
