import type { GraphController } from '../graph/controller';
import { KIND_STYLE } from '../graph/styles';
import { h } from './dom';

/** The legend doubles as a filter: each kind is a checkbox that shows or hides it. */
export function mountLegend(box: HTMLElement, graph: GraphController): void {
  const hidden = new Set<string>();
  box.replaceChildren(
    h('h2', {}, 'Kinds'),
    h(
      'ul',
      { className: 'legend' },
      ...Object.entries(KIND_STYLE).map(([kind, style]) => {
        const checkbox = h('input', {
          type: 'checkbox',
          checked: true,
          dataset: { testid: `legend-${kind}` },
        });
        checkbox.addEventListener('change', () => {
          if (checkbox.checked) hidden.delete(kind);
          else hidden.add(kind);
          graph.setHiddenKinds(new Set(hidden));
        });
        return h(
          'li',
          {},
          h(
            'label',
            {},
            checkbox,
            h('span', {
              className: `swatch shape-${style.shape}`,
              style: `background:${style.color}`,
            } as never),
            style.label,
          ),
        );
      }),
    ),
  );
}

/** Relationship-type filter, built from the types the API reports. */
export function mountTypeFilter(
  box: HTMLElement,
  graph: GraphController,
  types: { type: string; label: string; count: number }[],
): void {
  const hidden = new Set<string>();
  box.replaceChildren(
    h(
      'details',
      {},
      h('summary', {}, 'Relationship types'),
      h(
        'ul',
        { className: 'types' },
        ...types.map(({ type, label, count }) => {
          const checkbox = h('input', {
            type: 'checkbox',
            checked: true,
            dataset: { testid: `type-${type}` },
          });
          checkbox.addEventListener('change', () => {
            if (checkbox.checked) hidden.delete(type);
            else hidden.add(type);
            graph.setHiddenTypes(new Set(hidden));
          });
          return h('li', {}, h('label', { title: label }, checkbox, `${type} (${count})`));
        }),
      ),
    ),
  );
}
