import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

/**
 * The view as SVG, written from the elements' positions and computed styles. Cytoscape's
 * canvas drawn through canvas2svg (cytoscape-svg) leaked one element's paint into the next:
 * a highlighted label came out as an orange blob, a path node went missing and faded edges
 * became thick filled bands. Here each element is one plain SVG shape, text stays text.
 */

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const n = (value: number) => Number(value.toFixed(2));
const px = (value: unknown) => parseFloat(String(value)) || 0;

interface Renderer {
  nodeShapes?: Record<string, { points?: number[] }>;
}

/** The outline of a node's shape, centred on its position. */
function nodeShape(node: NodeSingular, renderer: Renderer, paint: string): string {
  const { x, y } = node.position();
  const w = node.width();
  const h = node.height();
  const shape = String(node.style('shape'));
  if (shape === 'ellipse')
    return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w / 2)}" ry="${n(h / 2)}" ${paint}/>`;
  const points = renderer.nodeShapes?.[shape]?.points;
  if (!points || shape.includes('rectangle') || shape === 'barrel') {
    const radius = shape === 'rectangle' ? 0 : Math.min(w, h) / 4;
    return `<rect x="${n(x - w / 2)}" y="${n(y - h / 2)}" width="${n(w)}" height="${n(h)}" rx="${n(radius)}" ${paint}/>`;
  }
  const corners: string[] = [];
  for (let i = 0; i < points.length; i += 2)
    corners.push(`${n(x + (points[i]! * w) / 2)},${n(y + (points[i + 1]! * h) / 2)}`);
  return `<polygon points="${corners.join(' ')}" ${paint}/>`;
}

function nodeSvg(node: NodeSingular, renderer: Renderer): string {
  const opacity = node.effectiveOpacity();
  const border = px(node.style('border-width'));
  const paint = `fill="${node.style('background-color')}" stroke="${node.style('border-color')}" stroke-width="${border}"`;
  const parts = [nodeShape(node, renderer, paint)];
  const label = String(node.data('label') ?? '');
  const textOpacity = opacity * Number(node.style('text-opacity'));
  if (label && textOpacity > 0) {
    const size = px(node.style('font-size'));
    const y = node.position().y + node.outerHeight() / 2 + px(node.style('text-margin-y')) + size;
    parts.push(
      `<text x="${n(node.position().x)}" y="${n(y)}" font-size="${n(size)}" text-anchor="middle" fill="${node.style('color')}" paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-opacity="0.8">${escape(label)}</text>`,
    );
  }
  return `<g opacity="${n(opacity)}">${parts.join('')}</g>`;
}

function edgeSvg(edge: EdgeSingular): string {
  const opacity = edge.effectiveOpacity();
  const colour = String(edge.style('line-color'));
  const width = px(edge.style('width'));
  const from = edge.sourceEndpoint();
  const to = edge.targetEndpoint();
  const controls = edge.controlPoints?.() ?? [];
  const d =
    controls.length > 0
      ? `M${n(from.x)},${n(from.y)} Q${n(controls[0]!.x)},${n(controls[0]!.y)} ${n(to.x)},${n(to.y)}`
      : `M${n(from.x)},${n(from.y)} L${n(to.x)},${n(to.y)}`;
  // The arrow head points along the last stretch of the edge.
  const last = controls.at(-1) ?? from;
  const angle = Math.atan2(to.y - last.y, to.x - last.x);
  const size = 4 + width * 1.5;
  const corner = (turn: number) =>
    `${n(to.x - size * Math.cos(angle + turn))},${n(to.y - size * Math.sin(angle + turn))}`;
  const parts = [
    `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${n(width)}"/>`,
    `<polygon points="${n(to.x)},${n(to.y)} ${corner(0.45)} ${corner(-0.45)}" fill="${edge.style('target-arrow-color')}"/>`,
  ];
  const label = String(edge.data('display') ?? '');
  if (label && Number(edge.style('text-opacity')) > 0) {
    const mid = edge.midpoint();
    let degrees = (angle * 180) / Math.PI;
    if (degrees > 90 || degrees < -90) degrees += 180; // never upside down
    parts.push(
      `<text x="${n(mid.x)}" y="${n(mid.y)}" font-size="${n(px(edge.style('font-size')))}" text-anchor="middle" dominant-baseline="middle" transform="rotate(${n(degrees)} ${n(mid.x)} ${n(mid.y)})" fill="${edge.style('color')}" paint-order="stroke" stroke="#ffffff" stroke-width="3">${escape(label)}</text>`,
    );
  }
  return `<g opacity="${n(opacity)}">${parts.join('')}</g>`;
}

/** Every visible element of `cy` as one SVG document, on white, framed around them. */
export function toSvg(cy: Core): string {
  const visible = cy.elements().filter((el) => el.visible());
  const box = visible.boundingBox({});
  const margin = 20;
  const renderer = (cy as unknown as { renderer(): Renderer }).renderer?.() ?? {};
  // Faded elements first, then the rest, then the highlighted path: as on the canvas.
  const rank = (el: { hasClass(c: string): boolean }) =>
    el.hasClass('faded') ? 0 : el.hasClass('on-path') ? 2 : 1;
  const edges = visible
    .edges()
    .toArray()
    .sort((a, b) => rank(a) - rank(b))
    .map((e) => edgeSvg(e as EdgeSingular));
  const nodes = visible
    .nodes()
    .toArray()
    .sort((a, b) => rank(a) - rank(b))
    .map((node) => nodeSvg(node as NodeSingular, renderer));
  const width = n(box.w + 2 * margin);
  const height = n(box.h + 2 * margin);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${n(box.x1 - margin)} ${n(box.y1 - margin)} ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect x="${n(box.x1 - margin)}" y="${n(box.y1 - margin)}" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g class="edges">${edges.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}
