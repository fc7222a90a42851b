import type { Core, StylesheetJson } from 'cytoscape';
import { ENTITY_KINDS, type EntityKind, KIND_LABELS } from '../../../shared/kinds';

// Okabe–Ito and Tol's colour-blind-safe colours; no two kinds share a hue family, and each
// kind keeps its own shape, so nothing depends on colour alone. Keyed by the shared kinds:
// a kind added there without a colour here does not compile.
const LOOKS: Record<EntityKind, { color: string; shape: string }> = {
  PERSON: { color: '#0072b2', shape: 'ellipse' },
  COUNTRY: { color: '#d55e00', shape: 'round-rectangle' },
  ORGANIZATION: { color: '#cc79a7', shape: 'hexagon' },
  AGREEMENT: { color: '#009e73', shape: 'diamond' },
  DISPUTE: { color: '#e69f00', shape: 'star' },
  EVENT: { color: '#56b4e9', shape: 'round-triangle' },
  PLACE: { color: '#999933', shape: 'round-pentagon' },
  STATEMENT: { color: '#882255', shape: 'round-tag' },
  POLICY: { color: '#f0e442', shape: 'round-octagon' },
  LAW: { color: '#332288', shape: 'barrel' },
  PUBLICATION: { color: '#1f2937', shape: 'rectangle' },
  GROUP: { color: '#44aa99', shape: 'vee' },
};

/** Colour, shape and name of each kind, in the kinds' order; the legend and canvas read it. */
export const KIND_STYLE: Record<string, { color: string; shape: string; label: string }> =
  Object.fromEntries(
    ENTITY_KINDS.map((kind) => [kind, { ...LOOKS[kind], label: KIND_LABELS[kind] }]),
  );

const FALLBACK = { color: '#6b7280', shape: 'ellipse', label: 'Other' };
export const kindStyle = (kind: string) => KIND_STYLE[kind] ?? FALLBACK;

/** Styles are data: base looks plus state classes the controller toggles. */
export const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': FALLBACK.color,
      label: 'data(label)',
      width: 'mapData(degree, 0, 40, 18, 48)',
      height: 'mapData(degree, 0, 40, 18, 48)',
      color: '#111827',
      // Better-connected nodes get larger labels; zoomed out, only they stay readable
      // (min-zoomed-font-size), so the first screen does not become a pile of text.
      'font-size': 'mapData(degree, 0, 24, 9, 16)',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 12,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.4,
      'line-color': '#9ca3af',
      'target-arrow-color': '#9ca3af',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      // Straight: parallel edges are drawn as one (the controller bundles them), so a
      // bezier's fan-out would never show.
      'curve-style': 'straight',
    },
  },
  {
    // Edge labels only where they can be read (labelEdgesInView) and on a traced path: each
    // label is measured, placed and styled, a sixth of Cytoscape's work on the first screen,
    // where its zoom draws none of them.
    selector: 'edge.labelled, edge.on-path',
    style: {
      label: 'data(display)',
      'font-size': 9,
      color: '#374151',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      // Edge labels disappear when zoomed out, where they would only be noise.
      'min-zoomed-font-size': 10,
    },
  },
  // A relation of an entity to itself needs a curve to be seen at all.
  { selector: 'edge:loop', style: { 'curve-style': 'bezier' } },
  // One rule per kind: colour and shape are data, read from KIND_STYLE.
  ...Object.entries(KIND_STYLE).map(([kind, { color, shape }]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': color, shape: shape as never },
  })),
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827' } },
  {
    selector: 'edge:selected',
    style: { width: 3, 'line-color': '#111827', 'target-arrow-color': '#111827' },
  },
  { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0 } },
  {
    // The traced path is the answer: its names stay readable at any zoom, even on a phone.
    selector: 'node.on-path',
    style: {
      'border-width': 4,
      'border-color': '#f59e0b',
      'z-index': 10,
      'font-size': 14,
      'min-zoomed-font-size': 0,
      // Long names wrap rather than run into the next path node when it is close.
      'text-wrap': 'wrap',
    },
  },
  {
    selector: 'edge.on-path',
    style: {
      width: 4,
      'line-color': '#f59e0b',
      'target-arrow-color': '#f59e0b',
      'z-index': 10,
      'min-zoomed-font-size': 0,
    },
  },
  {
    selector: 'edge.current-step',
    style: { width: 6, 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c' },
  },
  {
    selector: 'node.pinned',
    style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#1f2937' },
  },
  { selector: '.hidden, .bundled', style: { display: 'none' } },
];

/** The smallest size (rendered px) a traced path's labels are drawn at, whatever the zoom. */
export const PATH_LABEL_PX = { node: 12, edge: 11 };

/**
 * A phone fits a traced path into 390 px at about half size, which would draw its 14-unit
 * names at 7 px. While zoomed out that far, the path's few labels get a larger font (a style
 * bypass on those elements only) so they stay PATH_LABEL_PX on screen; zoomed in, the
 * stylesheet's sizes apply. The bypass goes as soon as classes change (a new path is then
 * fitted by its ordinary labels) and is set again once the viewport has settled.
 */
const BYPASSED = 'font-size text-max-width text-valign text-margin-y';

export function keepPathLabelsReadable(cy: Core): void {
  let sized = cy.collection();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    const zoom = cy.zoom();
    const node = PATH_LABEL_PX.node / zoom;
    const edge = PATH_LABEL_PX.edge / zoom;
    cy.batch(() => {
      sized.removeStyle(BYPASSED);
      sized = cy.$('.on-path');
      // Names wrap at about eight letters and alternate below and above the row the path is
      // laid out in, so neighbours on the path do not collide.
      if (node > 14)
        sized
          .nodes()
          .sort((a, b) => a.position('x') - b.position('x'))
          .forEach((n, i) => {
            n.style({
              'font-size': node,
              'text-max-width': `${Math.round(5 * node)}px`,
              'text-valign': i % 2 ? 'top' : 'bottom',
              'text-margin-y': i % 2 ? -4 : 4,
            });
          });
      if (edge > 9) sized.edges().style('font-size', edge);
    });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  };
  cy.on('zoom', later);
  cy.on('class', () => {
    if (sized.nonempty()) {
      sized.removeStyle(BYPASSED);
      sized = cy.collection();
    }
    later();
  });
}

/** From this zoom on, edge labels (9 units, drawn from 10 px on) are about to be readable. */
export const EDGE_LABEL_ZOOM = 1;

/**
 * Labels the edges that reach into the view once it is zoomed in to EDGE_LABEL_ZOOM (after
 * the viewport settles, and for edges added while zoomed in). A label stays once given; the
 * whole graph's edges are labelled only for an export (labelAllEdges).
 */
export function labelEdgesInView(cy: Core): void {
  if (!cy.container()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    if (cy.zoom() < EDGE_LABEL_ZOOM) return;
    const view = cy.extent();
    const due = cy.edges(':visible').filter((edge) => {
      if (edge.hasClass('labelled')) return false;
      const a = edge.source().position();
      const b = edge.target().position();
      return (
        Math.max(a.x, b.x) >= view.x1 &&
        Math.min(a.x, b.x) <= view.x2 &&
        Math.max(a.y, b.y) >= view.y1 &&
        Math.min(a.y, b.y) <= view.y2
      );
    });
    if (due.nonempty()) due.addClass('labelled');
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  };
  cy.on('viewport', later);
  cy.on('add', 'edge', later);
}

/** Every edge labelled, for a picture of the whole graph (PNG export). */
export function labelAllEdges(cy: Core): void {
  cy.edges().not('.labelled').addClass('labelled');
}
