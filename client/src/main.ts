import type cytoscape from 'cytoscape';
import { ApiError } from './api';
import type { App } from './app';
import { GraphController, type RenderOptions } from './graph/controller';
import { GraphData } from './graph/data';
import { loadExtensions } from './graph/extensions';
import { createGraph } from './graph/model';
import { toSvg } from './graph/svg-export';
import { Store } from './state/store';
import { fromQuery, toQuery } from './state/url';
import { actions, batchesOf, normalise, sameState, type ViewState } from './state/view-state';
import { mountBanner } from './views/banner';
import { mountCanvasKeys } from './views/canvas-keys';
import { mountDetails } from './views/details';
import { mountLegend, mountTypeFilter } from './views/legend';
import { mountQuery } from './views/query';
import { mountSearch } from './views/search';
import { mountStatus } from './views/status';
import { mountCollapsers, mountTabs } from './views/tabs';
import { mountTimeline } from './views/timeline';
import { mountToolbar, type SavedView } from './views/toolbar';
import { mountTrace } from './views/trace';

// Wiring only: one store, the data it needs, the canvas and the views that follow it.

declare global {
  interface Window {
    cy: cytoscape.Core;
    tracegraph: App;
  }
}

// The first screen's milestones, read by the large-graph browser test (performance marks).
performance.mark('tracegraph:script');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const store = new Store<ViewState>(fromQuery(window.location.search), sameState);
const data = new GraphData();
const graph = new GraphController(createGraph($('cy')));
const drawnListeners: ((state: ViewState) => void)[] = [];
const banner = mountBanner($('banner'), () => void draw(store.get(), { fresh: true }));
const app: App = {
  store,
  data,
  graph,
  drawn: (listener) => drawnListeners.push(listener),
  fail(error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      error instanceof ApiError &&
      (error.code === 'NETWORK' || error.code === 'DATABASE_UNAVAILABLE')
    )
      banner.down(`The graph cannot be reached: ${message}`);
    else status.say(message);
  },
};
window.cy = graph.cy;
window.tracegraph = app;

// Draws a state: fetch what it needs, then render it; a newer state wins over an older one.
let generation = 0;
let pending: RenderOptions = { fresh: true };
async function draw(state: ViewState, options: RenderOptions = {}) {
  const mine = ++generation;
  pending = { ...pending, ...options };
  const release = graph.hold();
  try {
    await data.load(state);
    performance.mark('tracegraph:data');
    if (mine !== generation) return;
    const use = pending;
    pending = {};
    await graph.render(state, data.elements(state), use);
    performance.mark('tracegraph:drawn');
    if (mine !== generation) return;
    for (const listener of drawnListeners) listener(state);
  } catch (error) {
    app.fail(error);
  } finally {
    release();
  }
}

// The URL follows the store: a new view is a new history entry, undo rewrites the current one.
store.subscribe((state, change) => {
  if (change.source === 'navigate') return;
  const query = toQuery(state);
  const url = query ? `?${query}` : window.location.pathname;
  if (change.source === 'action' || change.source === 'open')
    window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
});
window.addEventListener('popstate', () =>
  store.commit(fromQuery(window.location.search), 'Back', 'navigate'),
);
store.subscribe((state, change) => {
  const fresh =
    state.focus !== change.previous.focus || state.query.join() !== change.previous.query.join();
  void draw(state, { fresh });
});

const undo = () => void (store.undo() || status.say('Nothing to undo.'));
const redo = () => void (store.redo() || status.say('Nothing to redo.'));
document.addEventListener('keydown', (e) => {
  const typing = (e.target as HTMLElement).closest(
    'input, textarea, select, [contenteditable], .query-panel',
  );
  if (typing || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return;
  e.preventDefault();
  if (e.shiftKey) redo();
  else undo();
});

const status = mountStatus($('status'), app);
mountDetails($('details'), app);
mountTrace($('trace'), $('path-step'), app);
mountSearch($<HTMLInputElement>('search'), $<HTMLUListElement>('search-results'), app, (entity) => {
  data.entities.set(entity.id, { ...data.entities.get(entity.id), ...entity });
  if (graph.cy.hasElementWithId(entity.id)) {
    store.update((s) => actions.select(s, entity.id), `Selected ${entity.name}`, 'transient');
    graph.reveal(entity.id);
  } else
    store.update(
      (s) => actions.select(batchesOf(s, entity.id) ? s : actions.expand(s, entity.id), entity.id),
      `Added ${entity.name} and its neighbours`,
    );
});
mountLegend($('legend'), app);
mountTimeline($('timeline'), app);
mountCanvasKeys($('cy'), app);
const queryButton = mountTabs($('tabs'), app);
mountCollapsers(app, { left: $('left'), right: $('right') });
mountQuery($('query'), app);
mountToolbar($('toolbar'), app, {
  undo,
  redo,
  svg: () => toSvg(graph.cy),
  open(json) {
    const view = json as Partial<SavedView>;
    if (view?.tracegraphView !== 2 || !view.state || !view.cy) throw new Error('not a view');
    const positions = Object.fromEntries(
      (view.cy.elements?.nodes ?? [])
        .filter((n) => n.position)
        .map((n) => [n.data.id, n.position!]),
    );
    const viewport =
      view.cy.zoom && view.cy.pan ? { zoom: view.cy.zoom, pan: view.cy.pan } : undefined;
    pending = { positions, viewport };
    if (!store.commit(normalise(view.state), 'Opened a saved view', 'open')) {
      // The saved view's state is the one on screen: only its arrangement is new.
      void draw(store.get());
      status.say('Opened a saved view');
    }
  },
});

$('toolbar').prepend(queryButton);

graph.on('tap', (id) => store.update((s) => actions.select(s, id), '', 'transient'));
graph.on('open', (id) =>
  store.update((s) => actions.expand(s, id), `Expanded ${data.entities.get(id)?.name ?? id}`),
);
graph.on('moved', ({ id, x, y }) =>
  store.update(
    (s) => actions.pin(s, { id, x: Math.round(x), y: Math.round(y) }),
    'Moved a pinned node',
  ),
);

// The layouts' code (fCoSE, dagre) is not needed to draw the first screen: it loads once the
// page is idle after it, so the first change of layout does not wait for it. loadExtensions
// loads once (at once resolved after that) and tries again after a failed load.
app.drawn(() => {
  const load = () => void loadExtensions().catch(() => undefined);
  // Safari has no requestIdleCallback.
  if ('requestIdleCallback' in window) requestIdleCallback(load);
  else setTimeout(load, 500);
});

// The relation-type filter and the trace's type list need the graph's types.
let typesMounted = false;
app.drawn(() => {
  if (typesMounted || data.relationTypes.length === 0) return;
  typesMounted = true;
  mountTypeFilter($('type-filter'), app);
});
void draw(store.get(), { fresh: true });
