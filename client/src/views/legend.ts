import type { GraphController } from '../graph/controller';
import { KIND_STYLE } from '../graph/styles';
import { h } from './dom';

/**
 * A checkbox per value, all checked; unchecking hides that value. `apply` receives the set of
 * hidden values after every change.
 */
function hideToggles(prefix: string, apply: (hidden: Set<string>) => void) {
  const hidden = new Set<string>();
  return (value: string) => {
    const checkbox = h('input', {
      type: 'checkbox',
      checked: true,
      dataset: { testid: `${prefix}-${value}` },
    });
    checkbox.addEventListener('change', () => {
      if (checkbox.checked) hidden.delete(value);
      else hidden.add(value);
      apply(new Set(hidden));
    });
    return checkbox;
  };
}

/** The legend doubles as a filter: each kind is a checkbox that shows or hides it. */
export function mountLegend(box: HTMLElement, graph: GraphController): void {
  const toggle = hideToggles('legend', (hidden) => graph.setHiddenKinds(hidden));
  box.replaceChildren(
    h('h2', {}, 'Kinds'),
    h(
      'ul',
      { className: 'legend' },
      ...Object.entries(KIND_STYLE).map(([kind, style]) => {
        const swatch = h('span', {
          className: 'swatch',
          style: `background:${style.color}`,
        } as never);
        return h('li', {}, h('label', {}, toggle(kind), swatch, style.label));
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
  const toggle = hideToggles('type', (hidden) => graph.setHiddenTypes(hidden));
  box.replaceChildren(
    h(
      'details',
      {},
      h('summary', {}, 'Relationship types'),
      h(
        'ul',
        { className: 'types' },
        ...types.map(({ type, label, count }) =>
          h('li', {}, h('label', { title: label }, toggle(type), `${type} (${count})`)),
        ),
      ),
    ),
  );
}
