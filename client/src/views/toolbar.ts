import { act, type App } from '../app';
import { LAYOUTS, type LayoutName } from '../graph/layouts';
import type { ViewState } from '../state/view-state';
import { download, h } from './dom';

/** A saved view: the state and Cytoscape's own JSON (positions, zoom, pan). */
export interface SavedView {
  tracegraphView: 2;
  state: ViewState;
  cy: {
    elements?: { nodes?: { data: { id: string }; position?: { x: number; y: number } }[] };
    zoom?: number;
    pan?: { x: number; y: number };
  };
}

export interface ToolbarActions {
  open(view: unknown): void;
  undo(): void;
  redo(): void;
  svg(): string;
}

/** Layouts, fit and zoom, undo and redo, export (PNG, SVG, JSON) and opening a saved view. */
export function mountToolbar(bar: HTMLElement, app: App, actions: ToolbarActions): void {
  const { store, graph } = app;
  const layout = h(
    'select',
    { ariaLabel: 'Layout', dataset: { testid: 'layout-select' } } as never,
    ...LAYOUTS.map((l) => h('option', { value: l.name }, l.label)),
  ) as HTMLSelectElement;
  layout.addEventListener('change', () => {
    const name = layout.value as LayoutName;
    act(app, `Layout: ${LAYOUTS.find((l) => l.name === name)!.label}`, (s) => ({
      ...s,
      layout: name,
    }));
  });
  const button = (label: string | Node, title: string, testid: string, onClick: () => void) =>
    h(
      'button',
      { type: 'button', title, ariaLabel: title, onclick: onClick, dataset: { testid } },
      label,
    );
  const undo = button('Undo', 'Undo (Ctrl+Z)', 'undo', actions.undo);
  const redo = button('Redo', 'Redo (Ctrl+Shift+Z)', 'redo', actions.redo);
  const sync = (state: ViewState) => {
    layout.value = state.layout;
    undo.disabled = !store.canUndo();
    redo.disabled = !store.canRedo();
  };
  store.subscribe(sync);
  sync(store.get());
  const file = h('input', {
    type: 'file',
    accept: 'application/json',
    hidden: true,
    ariaLabel: 'Saved view file',
  } as never) as HTMLInputElement;
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      actions.open(JSON.parse(await chosen.text()));
    } catch {
      app.fail(new Error('That file is not a saved Tracegraph view.'));
    }
    file.value = '';
  });
  bar.replaceChildren(
    layout,
    button('Fit', 'Fit the graph to the window', 'fit', () => graph.fitAll()),
    button('+', 'Zoom in', 'zoom-in', () => graph.zoom(1.25)),
    button('−', 'Zoom out', 'zoom-out', () => graph.zoom(0.8)),
    undo,
    redo,
    button('PNG', 'Export the view as PNG', 'export-png', () =>
      download('tracegraph.png', graph.png()),
    ),
    button('SVG', 'Export the view as SVG', 'export-svg', () =>
      download('tracegraph.svg', new Blob([actions.svg()], { type: 'image/svg+xml' })),
    ),
    button('JSON', 'Save the view as JSON (reopens exactly as it is)', 'export-json', () => {
      const view: SavedView = {
        tracegraphView: 2,
        state: store.get(),
        cy: graph.cy.json() as SavedView['cy'],
      };
      download(
        'tracegraph-view.json',
        new Blob([JSON.stringify(view)], { type: 'application/json' }),
      );
    }),
    button('Open…', 'Open a saved JSON view', 'open-view', () => file.click()),
    file,
  );
}
