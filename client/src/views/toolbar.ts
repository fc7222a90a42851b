import type { GraphController } from '../graph/controller';
import { LAYOUTS, type LayoutName } from '../graph/layouts';
import { h } from './dom';

function download(name: string, blob: Blob) {
  const link = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Layouts, fit and zoom, undo, export (PNG, SVG, JSON) and opening a saved view. */
export function mountToolbar(
  bar: HTMLElement,
  graph: GraphController,
  openView: (json: unknown) => void,
  say: (m: string) => void,
) {
  const layout = h(
    'select',
    { ariaLabel: 'Layout', dataset: { testid: 'layout-select' } } as never,
    ...LAYOUTS.map((l) => h('option', { value: l.name }, l.label)),
  ) as HTMLSelectElement;
  layout.addEventListener('change', () => graph.layout(layout.value as LayoutName));
  const button = (label: string, title: string, testid: string, onClick: () => void) =>
    h(
      'button',
      { type: 'button', title, ariaLabel: title, onclick: onClick, dataset: { testid } },
      label,
    );
  const file = h('input', { type: 'file', accept: 'application/json', hidden: true });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      openView(JSON.parse(await chosen.text()));
    } catch {
      say('That file is not a saved Tracegraph view.');
    }
    file.value = '';
  });
  bar.replaceChildren(
    layout,
    button('Fit', 'Fit the graph to the window', 'fit', () => graph.fit()),
    button('+', 'Zoom in', 'zoom-in', () => graph.zoom(1.25)),
    button('−', 'Zoom out', 'zoom-out', () => graph.zoom(0.8)),
    button('Undo', 'Undo the last change', 'undo', () =>
      say(graph.undo() ? 'Undone.' : 'Nothing to undo.'),
    ),
    button('PNG', 'Export the view as PNG', 'export-png', () =>
      download(
        'tracegraph.png',
        graph.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob,
      ),
    ),
    button('SVG', 'Export the view as SVG', 'export-svg', () => {
      // cytoscape-svg's canvas2svg logs "Attempted to apply path command to node text" for
      // node labels it has already written; the SVG is complete, so that noise is silenced.
      const log = console.error;
      console.error = (...args: unknown[]) => {
        if (!String(args[0]).startsWith('Attempted to apply path command')) log(...args);
      };
      graph.cy.elements().addClass('exporting');
      let svg: string;
      try {
        svg = (graph.cy as unknown as { svg(o: object): string }).svg({
          full: true,
          bg: '#ffffff',
        });
      } finally {
        graph.cy.elements().removeClass('exporting');
        console.error = log;
      }
      download('tracegraph.svg', new Blob([svg], { type: 'image/svg+xml' }));
    }),
    button('JSON', 'Export the view as JSON (reopens as arranged)', 'export-json', () =>
      download(
        'tracegraph-view.json',
        new Blob([JSON.stringify(viewJson(graph), null, 2)], { type: 'application/json' }),
      ),
    ),
    button('Open…', 'Open a saved JSON view', 'open-view', () => file.click()),
    file,
  );
}

/** Elements with their positions and data: enough to reopen a view exactly as arranged. */
export function viewJson(graph: GraphController) {
  return {
    tracegraphView: 1,
    layout: graph.layoutName,
    zoom: graph.cy.zoom(),
    pan: graph.cy.pan(),
    elements: graph.cy.elements().map((e) => ({
      group: e.group(),
      data: e.data(),
      position: e.isNode() ? e.position() : undefined,
      classes: e.classes().filter((c: string) => c === 'pinned'),
    })),
  };
}
