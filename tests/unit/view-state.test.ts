import type { Entity, Relation } from '../../client/src/api';
import { GraphController } from '../../client/src/graph/controller';
import { createHeadlessGraph } from '../../client/src/graph/headless';
import { Store } from '../../client/src/state/store';
import { fromQuery, toQuery } from '../../client/src/state/url';
import {
  actions,
  initialState,
  normalise,
  sameState,
  type ViewState,
} from '../../client/src/state/view-state';

const entity = (
  id: string,
  kind: Entity['kind'] = 'PERSON',
  start: string | null = null,
): Entity => ({
  id,
  name: id.toUpperCase(),
  kind,
  aliases: [],
  summary: null,
  start,
  end: null,
  degree: 2,
  sources: [],
  beyondSource: null,
});
const relation = (source: string, target: string, type = 'MET_WITH'): Relation => ({
  id: `${source}-${type}-${target}`,
  type,
  label: 'met with',
  inverseLabel: 'met with',
  summary: null,
  start: null,
  end: null,
  value: null,
  unit: null,
  sources: [],
  source: { id: source },
  target: { id: target },
});

/** A view with every field away from its default. */
const busy = (): ViewState => ({
  focus: 'moon-jae-in',
  expanded: [
    ['moon-jae-in', 2],
    ['japan', 1],
  ],
  hidden: ['north-korea'],
  pinned: [{ id: 'japan', x: 120, y: -40 }],
  selected: 'rel:abe-met-moon',
  hiddenKinds: ['EVENT'],
  hiddenTypes: ['MET_WITH', 'SIGNED'],
  layout: 'concentric',
  trace: {
    from: 'moon-jae-in',
    to: 'gsomia-2016',
    maxSteps: 5,
    avoidHubs: true,
    types: ['SIGNED'],
    path: 1,
    step: 2,
  },
  range: { from: '2012', to: '2017', mode: 'asof', undated: 'hide' },
  query: ['a', 'b'],
  panel: 'trace',
});

describe('the view-state store', () => {
  it('records actions, and undo and redo walk them back and forth', () => {
    const store = new Store(initialState(), sameState);
    const seen: string[] = [];
    store.subscribe((state, change) => seen.push(`${change.source}:${state.expanded.length}`));
    store.update((s) => actions.expand(s, 'japan'), 'Expanded Japan');
    store.update((s) => actions.expand(s, 'japan'), 'More');
    store.update((s) => actions.hide(s, 'china'), 'Hid China');
    expect(store.get().expanded).toEqual([['japan', 2]]);
    expect(store.undo()).toBe(true);
    expect(store.get().hidden).toEqual([]);
    expect(store.undo()).toBe(true);
    expect(store.get().expanded).toEqual([['japan', 1]]);
    expect(store.redo()).toBe(true);
    expect(store.get().expanded).toEqual([['japan', 2]]);
    // A new action drops what could have been redone.
    store.update((s) => actions.collapse(s, 'japan'), 'Collapsed');
    expect(store.canRedo()).toBe(false);
    expect(seen).toEqual([
      'action:1',
      'action:1',
      'action:1',
      'undo:1',
      'undo:1',
      'redo:1',
      'action:0',
    ]);
  });

  it('does not record a change that changes nothing, nor a selection', () => {
    const store = new Store(initialState(), sameState);
    expect(store.update((s) => ({ ...s }))).toBe(false);
    store.update((s) => actions.select(s, 'japan'), '', 'transient');
    expect(store.get().selected).toBe('japan');
    expect(store.canUndo()).toBe(false);
  });

  it('clears the old trace completely when a new one runs', () => {
    const before = { ...busy(), selected: 'rel:old-step' };
    const after = actions.trace(before, {
      from: 'shinzo-abe',
      to: 'liancourt-rocks',
      maxSteps: 4,
      avoidHubs: false,
      types: [],
    });
    expect(after.trace).toEqual({
      from: 'shinzo-abe',
      to: 'liancourt-rocks',
      maxSteps: 4,
      avoidHubs: false,
      types: [],
      path: 0,
      step: 0,
    });
    expect(after.selected).toBeNull();
  });
});

describe('the view in the URL', () => {
  it('round-trips every field', () => {
    const state = busy();
    expect(fromQuery(toQuery(state))).toEqual(state);
  });

  it('keeps the default view out of the URL', () => {
    expect(toQuery(initialState())).toBe('');
    expect(fromQuery('')).toEqual(initialState());
  });

  it('refuses what a view cannot hold instead of breaking', () => {
    const state = fromQuery('max=9&layout=spiral&panel=nowhere&path=-1&expanded=a:x');
    expect(state.trace.maxSteps).toBe(4);
    expect(state.layout).toBe('fcose');
    expect(state.panel).toBe('graph');
    expect(state.trace.path).toBeNull();
    expect(state.expanded).toEqual([['a', 1]]);
    expect(normalise({ hidden: ['a', 'a', 3 as never] }).hidden).toEqual(['a']);
  });
});

describe('the canvas drawn from a state (headless Cytoscape)', () => {
  const entities = [
    entity('a'),
    entity('b', 'COUNTRY'),
    entity('c', 'EVENT', '1965'),
    entity('d', 'EVENT', '2015'),
    entity('e'),
  ];
  const relations = [
    relation('a', 'b'),
    relation('b', 'c'),
    relation('c', 'd', 'SIGNED'),
    relation('d', 'e'),
    relation('a', 'e'),
    relation('a', 'b', 'SIGNED'),
  ];
  const draw = async (state: ViewState) => {
    const graph = new GraphController(createHeadlessGraph());
    await graph.render(state, { entities, relations, path: null });
    return graph;
  };

  it('lays the same graph out the same way every time', async () => {
    const one = (await draw(initialState())).positions();
    const two = (await draw(initialState())).positions();
    expect(two).toEqual(one);
  });

  it('applies filters, time range, pins and the selection from the state', async () => {
    const state: ViewState = {
      ...initialState(),
      hiddenTypes: ['SIGNED'],
      // "c" began in 1965 and has no end, so it still stands in 2010-2020.
      range: { from: '2010', to: '2020', mode: 'range', undated: 'show' },
      pinned: [{ id: 'e', x: 500, y: 500 }],
      selected: 'b',
    };
    const graph = await draw(state);
    const cy = graph.cy;
    expect(
      cy
        .$('.hidden')
        .map((e) => e.id())
        .sort(),
    ).toEqual(['rel:a-SIGNED-b', 'rel:c-SIGNED-d']);
    expect(cy.getElementById('e').position()).toEqual({ x: 500, y: 500 });
    expect(cy.getElementById('e').hasClass('pinned')).toBe(true);
    expect(cy.$(':selected').map((e) => e.id())).toEqual(['b']);
    expect(graph.visibleCounts()).toEqual({
      entities: 5,
      relations: 4,
      totalEntities: 5,
      totalRelations: 6,
    });
    // Undated entities hidden when the user says so.
    const strict = await draw({ ...state, range: { ...state.range, undated: 'hide' } });
    expect(
      strict.cy
        .nodes()
        .not('.hidden')
        .map((n) => n.id()),
    ).toEqual(['c', 'd']);
  });

  it('bundles parallel edges into one labelled edge', async () => {
    const graph = await draw(initialState());
    const pair = graph.cy.edges('[source = "a"][target = "b"]');
    expect(pair.filter((e) => !e.hasClass('bundled')).map((e) => e.data('display'))).toEqual([
      'met with (+1)',
    ]);
  });

  it('highlights the chosen path, and a new state without it clears it all', async () => {
    const graph = new GraphController(createHeadlessGraph());
    const path = {
      length: 2,
      narrative: '',
      steps: ['', ''],
      entities: [entities[0]!, entities[1]!, entities[2]!],
      relations: [relations[0]!, relations[1]!],
      hubs: [],
      hops: [],
    };
    const traced = {
      ...initialState(),
      trace: { ...initialState().trace, from: 'a', to: 'c', path: 0, step: 1 },
    };
    await graph.render(traced, { entities, relations, path });
    expect(graph.cy.$('.on-path').length).toBe(5);
    expect(graph.cy.$('.current-step').map((e) => e.id())).toEqual(['rel:b-MET_WITH-c']);
    // Path nodes are laid out in a row, and no other node sits in the band between them.
    const ys = path.entities.map((e) => graph.cy.getElementById(e.id).position().y);
    expect(new Set(ys).size).toBe(1);
    await graph.render(initialState(), { entities, relations, path: null });
    expect(graph.cy.$('.on-path, .faded, .current-step').length).toBe(0);
  });
});
