import type { Core, LayoutOptions, NodeCollection } from 'cytoscape';
import type { LayoutName } from '../state/view-state';
import { mulberry32 } from './random';

export type { LayoutName };
export const LAYOUTS: { name: LayoutName; label: string }[] = [
  { name: 'fcose', label: 'Force-directed' },
  { name: 'concentric', label: 'Concentric (selection)' },
  { name: 'dagre', label: 'Hierarchical' },
  { name: 'circle', label: 'Circle' },
];

/**
 * Runs `fn` with Math.random seeded. fCoSE's spectral start draws random numbers while it
 * runs synchronously, so the same graph always gets the same picture.
 */
export function seeded<T>(fn: () => T, seed = 20150828): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

/**
 * Options per layout; large graphs get draft quality so they draw fast. `fresh` lays the
 * graph out from scratch; otherwise fCoSE starts from where the nodes are, so an expansion
 * keeps the picture the user already knows.
 */
export function layoutOptions(
  cy: Core,
  name: LayoutName,
  fixed: NodeCollection,
  fresh = true,
): LayoutOptions {
  const big = cy.elements().length > 1500;
  const animate = !big && cy.nodes().length < 300 && cy.container() !== null;
  const centre = cy.nodes(':selected').first();
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        quality: big ? 'draft' : 'default',
        randomize: fresh,
        animate: animate ? 'end' : false,
        animationDuration: 300,
        fit: false,
        nodeRepulsion: 9000,
        idealEdgeLength: 110,
        nodeSeparation: 90,
        packComponents: true,
        // Pinned nodes keep their place; the rest arrange around them.
        fixedNodeConstraint: fixed.nonempty()
          ? fixed.map((n) => ({ nodeId: n.id(), position: { ...n.position() } }))
          : undefined,
      } as unknown as LayoutOptions;
    case 'concentric': {
      // The selection goes in the middle; when it is pinned, the rings are drawn around it
      // where it stands rather than in the top-left corner of the old bounding box.
      const count = cy.nodes(':visible').length;
      const radius = 60 * Math.sqrt(count + 1);
      const at = centre.nonempty() ? centre.position() : null;
      return {
        name: 'concentric',
        animate,
        fit: false,
        minNodeSpacing: 24,
        boundingBox: at
          ? { x1: at.x - radius, y1: at.y - radius, w: 2 * radius, h: 2 * radius }
          : undefined,
        concentric: (node: { id(): string; degree(b: boolean): number }) =>
          centre.nonempty() && node.id() === centre.id() ? 1000 : node.degree(false),
        levelWidth: () => 3,
      } as unknown as LayoutOptions;
    }
    case 'dagre':
      return {
        name: 'dagre',
        rankDir: 'LR',
        nodeSep: 12,
        rankSep: 80,
        fit: false,
        animate,
      } as unknown as LayoutOptions;
    case 'circle':
      return { name: 'circle', animate, fit: false, avoidOverlap: true };
  }
}
