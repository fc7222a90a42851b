import cytoscape, {
  type Collection,
  type Core,
  type ElementDefinition,
  type LayoutOptions,
  type NodeCollection,
  type Position,
} from 'cytoscape';
import type { LayoutName } from '../state/view-state';
import { mulberry32 } from './random';
import { stylesheet } from './styles';

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
 * keeps the picture the user already knows. `animate: false` puts nodes in place at once.
 */
export function layoutOptions(
  cy: Core,
  name: LayoutName,
  fixed: NodeCollection,
  fresh = true,
  animate = true,
): LayoutOptions {
  const big = cy.elements().length > 1500;
  const moving = animate && !big && cy.nodes().length < 300 && cy.container() !== null;
  const centre = cy.nodes(':selected').first();
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        quality: big ? 'draft' : 'default',
        randomize: fresh,
        animate: moving ? 'end' : false,
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
        animate: moving,
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
        animate: moving,
      } as unknown as LayoutOptions;
    case 'circle':
      return { name: 'circle', animate: moving, fit: false, avoidOverlap: true };
  }
}

/**
 * fCoSE run on a headless copy of `eles` (the same stylesheet, classes and selection, so the
 * same node sizes and the same picture), returned as a preset layout that puts the page's
 * nodes there, animated as `options` say. fCoSE starts by measuring its elements' bounding
 * box; on the page that styles and measures every label and edge of a picture about to move,
 * a full pass thrown away (a third of the first screen's layout on a 10k-entity graph). The
 * copy leaves nothing out for being filtered or bundled on the page: `eles` is what is laid out.
 * fCoSE must be loaded (loadExtensions).
 */
export function fcoseOnCopy(eles: Collection, options: LayoutOptions): LayoutOptions {
  // Styled although headless: node sizes come from the stylesheet.
  const copy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet });
  const concealed = new Set(['hidden', 'bundled']);
  copy.add(
    (eles.jsons() as unknown as ElementDefinition[]).map((json) => {
      const classes = typeof json.classes === 'string' ? json.classes : '';
      return {
        ...json,
        classes: classes
          .split(' ')
          .filter((c) => c && !concealed.has(c))
          .join(' '),
      };
    }),
  );
  const positions: Record<string, Position> = {};
  // fCoSE only takes the centre of this box (to put its result where the picture was): the
  // nodes' box serves, without measuring every edge of a headless copy (a tenth of its run).
  const all = copy.elements();
  const nodes = copy.nodes();
  all.boundingBox = ((...args: Parameters<typeof nodes.boundingBox>) =>
    nodes.boundingBox(...args)) as typeof all.boundingBox;
  seeded(() => all.layout({ ...options, animate: false } as unknown as LayoutOptions).run());
  copy.nodes().forEach((node) => {
    positions[node.id()] = { ...node.position() };
  });
  copy.destroy();
  const { animate, animationDuration } = options as {
    animate?: unknown;
    animationDuration?: number;
  };
  return {
    name: 'preset',
    positions,
    fit: false,
    animate: Boolean(animate),
    animationDuration,
  } as LayoutOptions;
}
