import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { Entity, Relation } from '../api';
import { keepPathLabelsReadable, labelEdgesInView, stylesheet } from './styles';

/**
 * Creates the Cytoscape instance. With no container it runs headless (for tests and tools);
 * the page mounts it on #cy. Performance options keep thousands of elements responsive.
 */
export function createGraph(container?: HTMLElement): Core {
  const cy = cytoscape({
    container,
    headless: container === undefined,
    style: stylesheet,
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    motionBlur: false,
    pixelRatio: 1,
  });
  keepPathLabelsReadable(cy);
  labelEdgesInView(cy);
  return cy;
}

export function nodeDefinition(entity: Entity): ElementDefinition {
  return {
    group: 'nodes',
    data: { id: entity.id, label: entity.name, kind: entity.kind, degree: entity.degree, entity },
  };
}

export function edgeDefinition(relation: Relation): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: `rel:${relation.id}`,
      source: relation.source.id,
      target: relation.target.id,
      label: relation.label,
      type: relation.type,
      relation,
    },
  };
}
