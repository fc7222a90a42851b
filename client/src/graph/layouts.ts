import type { Core, LayoutOptions, NodeCollection } from 'cytoscape';

export type LayoutName = 'fcose' | 'concentric' | 'dagre' | 'circle';
export const LAYOUTS: { name: LayoutName; label: string }[] = [
  { name: 'fcose', label: 'Force-directed' },
  { name: 'concentric', label: 'Concentric (selection)' },
  { name: 'dagre', label: 'Hierarchical' },
  { name: 'circle', label: 'Circle' },
];

/** Options per layout; large graphs get draft quality so they draw fast. */
export function layoutOptions(cy: Core, name: LayoutName, fixed: NodeCollection): LayoutOptions {
  const big = cy.elements().length > 1500;
  const animate = !big && cy.nodes().length < 300;
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        quality: big ? 'draft' : 'default',
        randomize: true,
        animate,
        animationDuration: 400,
        nodeRepulsion: 6000,
        idealEdgeLength: 90,
        packComponents: true,
        // Pinned nodes keep their place; the rest arrange around them.
        fixedNodeConstraint: fixed.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
      } as unknown as LayoutOptions;
    case 'concentric': {
      const centre = cy.$('node:selected').first();
      return {
        name: 'concentric',
        animate,
        minNodeSpacing: 20,
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
        animate,
      } as unknown as LayoutOptions;
    case 'circle':
      return { name: 'circle', animate, avoidOverlap: true };
  }
}
