import type { Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import { useExtensions } from './extensions';
import { createGraph } from './model';

/**
 * A Cytoscape with no page (the server's overview layout, tests, tools), its layouts
 * registered at once: in Node there is no chunk to load, and jest runs no dynamic import.
 */
export function createHeadlessGraph(): Core {
  useExtensions(fcose, dagre);
  return createGraph();
}
