import type { StylesheetJson } from 'cytoscape';

/** Colour and shape of each kind; the legend and the canvas both read this table. */
export const KIND_STYLE: Record<string, { color: string; shape: string; label: string }> = {
  PERSON: { color: '#2563eb', shape: 'ellipse', label: 'Person' },
  COUNTRY: { color: '#dc2626', shape: 'round-rectangle', label: 'Country' },
  ORGANIZATION: { color: '#7c3aed', shape: 'hexagon', label: 'Organization' },
  AGREEMENT: { color: '#059669', shape: 'diamond', label: 'Agreement' },
  DISPUTE: { color: '#ea580c', shape: 'star', label: 'Dispute' },
  EVENT: { color: '#0891b2', shape: 'round-triangle', label: 'Event' },
  PLACE: { color: '#65a30d', shape: 'round-pentagon', label: 'Place' },
  STATEMENT: { color: '#db2777', shape: 'round-tag', label: 'Statement' },
  POLICY: { color: '#ca8a04', shape: 'round-octagon', label: 'Policy' },
  LAW: { color: '#475569', shape: 'barrel', label: 'Law' },
  PUBLICATION: { color: '#9333ea', shape: 'rectangle', label: 'Publication' },
  GROUP: { color: '#b45309', shape: 'ellipse', label: 'Group' },
};

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
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
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
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 9,
      color: '#374151',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      // Edge labels disappear when zoomed out, where they would only be noise.
      'min-zoomed-font-size': 8,
    },
  },
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
  { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
  {
    selector: 'node.on-path',
    style: { 'border-width': 4, 'border-color': '#f59e0b', 'z-index': 10 },
  },
  {
    selector: 'edge.on-path',
    style: { width: 4, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'z-index': 10 },
  },
  {
    selector: 'edge.current-step',
    style: { width: 6, 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c' },
  },
  {
    selector: 'node.pinned',
    style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#1f2937' },
  },
  { selector: '.hidden', style: { display: 'none' } },
  // The SVG writer cannot draw label backgrounds; they are dropped while exporting.
  { selector: '.exporting', style: { 'text-background-opacity': 0 } },
];
