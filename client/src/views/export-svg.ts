import type { Core } from 'cytoscape';

/**
 * The view as SVG through cytoscape-svg. Its canvas2svg writer mishandles translucency and
 * label backgrounds (a faded edge came out as a thick band, a highlighted label as a blob),
 * so while exporting the `exporting` class swaps them for solid light colours.
 */
export function exportSvg(cy: Core): string {
  // canvas2svg logs "Attempted to apply path command to node text" for labels it has
  // already written; the SVG is complete, so that noise is silenced.
  const log = console.error;
  console.error = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('Attempted to apply path command')) log(...args);
  };
  cy.elements().addClass('exporting');
  try {
    return (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' });
  } finally {
    cy.elements().removeClass('exporting');
    console.error = log;
  }
}
