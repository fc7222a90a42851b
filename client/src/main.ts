import svg from 'cytoscape-svg';
import cytoscape from 'cytoscape';
import {
  ApiError,
  type Entity,
  ENTITY_FIELDS,
  gql,
  type Overview,
  OVERVIEW_QUERY,
  overviewSummary,
  type Relation,
  RELATION_FIELDS,
  type RelationTypeCount,
} from './api';
import { GraphController, type Selection } from './graph/controller';
import { createGraph } from './graph/model';
import { readState, writeState } from './url-state';
import { mountBanner } from './views/banner';
import { mountDetails } from './views/details';
import { mountLegend, mountTypeFilter } from './views/legend';
import { mountSearch } from './views/search';
import { mountTimeline, type TimelineView } from './views/timeline';
import { mountToolbar } from './views/toolbar';
import { mountTrace } from './views/trace';
import './styles.css';

cytoscape.use(svg);

/** A hub adds at most this many neighbours per click; "More…" fetches the next batch. */
const EXPAND_BATCH = 15;

declare global {
  interface Window {
    cy: cytoscape.Core;
    tracegraph: GraphController;
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const say = (message: string) => (status.textContent = message);

const graph = new GraphController(createGraph($('cy')));
window.cy = graph.cy;
window.tracegraph = graph;

const banner = mountBanner($('banner'), () => void start());
const fail = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (
    error instanceof ApiError &&
    (error.code === 'NETWORK' || error.code === 'DATABASE_UNAVAILABLE')
  ) {
    banner.down(`The graph cannot be reached: ${message}`);
  } else say(message);
};

const state = readState();
let selected: string | undefined = state.selected;
let timeline: TimelineView | undefined;
const sync = () =>
  writeState({ ...state, selected, ...(timeline ? rangeState(timeline) : {}), ...trace.state() });
const rangeState = (view: TimelineView) => ({
  start: view.range().from ?? undefined,
  end: view.range().to ?? undefined,
});

async function expand(entity: Entity) {
  const shown = graph.expandedCount(entity.id);
  say(`Expanding ${entity.name}…`);
  try {
    const data = await gql<{
      entity: {
        degree: number;
        relations: (Relation & { source: Entity; target: Entity })[];
      } | null;
    }>(
      `query X($id: ID!, $first: Int) { entity(id: $id) { degree relations(first: $first) {
        ${RELATION_FIELDS} source { ${ENTITY_FIELDS} } target { ${ENTITY_FIELDS} } } } }`,
      { id: entity.id, first: Math.min(500, shown + EXPAND_BATCH) },
    );
    const relations = data.entity?.relations ?? [];
    const neighbours = relations.map((r) => (r.source.id === entity.id ? r.target : r.source));
    const added = graph.expand(entity.id, neighbours, relations);
    if (!state.expanded.includes(entity.id)) state.expanded.push(entity.id);
    sync();
    const remaining = (data.entity?.degree ?? 0) - graph.expandedCount(entity.id);
    status.replaceChildren(`${entity.name}: ${added} neighbour${added === 1 ? '' : 's'} added.`);
    if (remaining > 0) {
      const more = document.createElement('button');
      more.type = 'button';
      more.dataset.testid = 'expand-more';
      more.textContent = `More… (${remaining} not shown)`;
      more.onclick = () => void expand(entity);
      status.append(' ', more);
    }
  } catch (error) {
    fail(error);
  }
}

const trace = mountTrace($('trace'), graph, [], fail, () => sync());
mountDetails($('details'), graph, {
  // Start over from one entity: it alone, then its first neighbours as an expansion.
  focus: (entity) => {
    graph.replace({ entities: [entity], relations: [], truncated: false });
    state.expanded = [];
    state.focus = entity.id;
    void expand(entity).then(() => graph.select(entity.id));
  },
  expand: (entity) => void expand(entity),
  collapse: (entity) => {
    graph.collapse(entity.id);
    state.expanded = state.expanded.filter((id) => id !== entity.id);
    sync();
  },
  traceFrom: (entity) => trace.setFrom(entity),
  traceTo: (entity) => trace.setTo(entity),
  select: (id) => graph.select(id),
});
mountSearch(
  $<HTMLInputElement>('search'),
  $<HTMLUListElement>('search-results'),
  (entity) => {
    if (!graph.cy.hasElementWithId(entity.id))
      graph.add([entity], [], undefined, `add ${entity.id}`);
    graph.select(entity.id);
  },
  fail,
);
mountLegend($('legend'), graph);
mountToolbar($('toolbar'), graph, openView, say);

// The Query tab: GraphiQL loads on first use, in its own chunk.
const queryPanel = $('query');
let queryMounted = false;
const queryButton = document.createElement('button');
queryButton.type = 'button';
queryButton.textContent = 'Query';
queryButton.dataset.testid = 'query-tab';
queryButton.setAttribute('aria-pressed', 'false');
queryButton.onclick = async () => {
  queryPanel.hidden = !queryPanel.hidden;
  queryButton.setAttribute('aria-pressed', String(!queryPanel.hidden));
  if (queryMounted || queryPanel.hidden) return;
  queryMounted = true;
  const { mountQueryTab, collectGraph } = await import('./views/query-tab');
  mountQueryTab(queryPanel, (result) => {
    const { entities, relations } = collectGraph(result);
    if (entities.length === 0 && relations.length === 0) {
      say('The last result holds no entities or relations to draw.');
      return;
    }
    graph.add(entities, relations, undefined, 'query results');
    queryPanel.hidden = true;
    queryButton.setAttribute('aria-pressed', 'false');
    graph.cy.$(':selected').unselect();
    for (const entity of entities) graph.cy.getElementById(entity.id).select();
    graph.fit();
    say(`Drew ${entities.length} entities and ${relations.length} relations from the query.`);
  });
};
$('toolbar').prepend(queryButton);

graph.on((event, payload) => {
  if (event === 'selected') {
    const selection = payload as Selection;
    selected = selection?.kind === 'entity' ? selection.entity.id : undefined;
    sync();
  }
});
graph.cy.on('dbltap', 'node', (e) => void expand(e.target.data('entity')));

// Hover tooltip: name and kind for nodes, the relation read as a sentence for edges.
const tooltip = $('tooltip');
graph.cy.on('mouseover', 'node, edge', (e) => {
  const el = e.target;
  tooltip.textContent = el.isNode()
    ? `${el.data('label')} · ${el.data('kind').toLowerCase()}`
    : `${el.source().data('label')} ${el.data('label')} ${el.target().data('label')}`;
  const { x, y } = e.renderedPosition ?? el.renderedMidpoint?.() ?? { x: 0, y: 0 };
  tooltip.style.left = `${x + 12}px`;
  tooltip.style.top = `${y + 12}px`;
  tooltip.hidden = false;
});
graph.cy.on('mouseout', 'node, edge', () => (tooltip.hidden = true));

function openView(json: unknown) {
  const view = json as {
    tracegraphView?: number;
    elements?: cytoscape.ElementDefinition[];
    zoom?: number;
    pan?: cytoscape.Position;
  };
  if (view?.tracegraphView !== 1 || !Array.isArray(view.elements)) throw new Error('not a view');
  graph.cy.batch(() => {
    graph.cy.elements().remove();
    graph.cy.add(view.elements!);
  });
  graph.cy.nodes('.pinned').lock();
  if (view.zoom) graph.cy.zoom(view.zoom);
  if (view.pan) graph.cy.pan(view.pan);
  say(`Opened a saved view of ${graph.cy.nodes().length} entities.`);
}

let started = false;
async function start() {
  if (started) return;
  say('Loading the graph…');
  try {
    const data = await gql<{ overview: Overview; relationTypes: RelationTypeCount[] | null }>(
      OVERVIEW_QUERY,
    );
    started = true;
    const { overview } = data;
    graph.replace({ entities: overview.entities, relations: overview.relations, truncated: false });
    const relationTypes = data.relationTypes ?? [];
    mountTypeFilter($('type-filter'), graph, relationTypes);
    const types = relationTypes.map((t) => t.type);
    const traceBox = $('trace');
    const select = traceBox.querySelector('select');
    if (select)
      select.replaceChildren(
        ...types.map((t) =>
          Object.assign(document.createElement('option'), { value: t, textContent: t }),
        ),
      );
    say(overviewSummary(overview));
    timeline = await mountTimeline($('timeline'), graph, sync);
    await restore();
  } catch (error) {
    fail(error);
  }
}

/** Reopens what a shared link describes. */
async function restore() {
  if (state.focus) {
    const data = await gql<{ entity: Entity | null }>(
      `query F($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} } }`,
      {
        id: state.focus,
      },
    );
    if (data.entity) graph.replace({ entities: [data.entity], relations: [], truncated: false });
  }
  for (const id of state.expanded) {
    const node = graph.cy.getElementById(id);
    if (node.nonempty()) await expand(node.data('entity'));
  }
  if (state.start || state.end) timeline?.setRange(state.start ?? null, state.end ?? null);
  if (state.from && state.to) {
    const from = graph.cy.getElementById(state.from).data('entity');
    const to = graph.cy.getElementById(state.to).data('entity');
    if (from && to) {
      trace.setFrom(from);
      trace.setTo(to);
      await trace.run();
    }
  }
  if (selected) graph.select(selected);
}

void start();
