import { act, type App } from '../app';
import { KIND_STYLE } from '../graph/styles';
import type { ViewState } from '../state/view-state';
import { h } from './dom';

type Field = 'hiddenKinds' | 'hiddenTypes';

/**
 * A checkbox per value, checked while shown; each change is one transition of `field`, and
 * the boxes follow the state (so undo and shared links tick them too).
 */
function toggles(app: App, field: Field, prefix: string) {
  const boxes = new Map<string, HTMLInputElement>();
  const sync = (state: ViewState) =>
    boxes.forEach((box, value) => (box.checked = !state[field].includes(value)));
  app.store.subscribe(sync);
  return (value: string, name: string) => {
    const checkbox = h('input', { type: 'checkbox', dataset: { testid: `${prefix}-${value}` } });
    checkbox.checked = !app.store.get()[field].includes(value);
    boxes.set(value, checkbox);
    checkbox.addEventListener('change', () =>
      act(app, `${checkbox.checked ? 'Showing' : 'Hiding'} ${name}`, (s) => ({
        ...s,
        [field]: checkbox.checked ? s[field].filter((v) => v !== value) : [...s[field], value],
      })),
    );
    return checkbox;
  };
}

/** The legend doubles as a filter: each kind is a checkbox that shows or hides it. */
export function mountLegend(box: HTMLElement, app: App): void {
  const toggle = toggles(app, 'hiddenKinds', 'legend');
  box.replaceChildren(
    h('h2', {}, 'Kinds'),
    h(
      'ul',
      { className: 'legend' },
      ...Object.entries(KIND_STYLE).map(([kind, style]) =>
        h(
          'li',
          {},
          h(
            'label',
            {},
            toggle(kind, style.label),
            h('span', {
              className: `swatch shape-${style.shape}`,
              style: `background:${style.color}`,
            } as never),
            style.label,
          ),
        ),
      ),
    ),
  );
}

/** Relationship-type filter, built from the types the API reports. */
export function mountTypeFilter(box: HTMLElement, app: App): void {
  const toggle = toggles(app, 'hiddenTypes', 'type');
  box.replaceChildren(
    h(
      'details',
      {},
      h('summary', {}, 'Relationship types'),
      h(
        'ul',
        { className: 'types' },
        ...app.data.relationTypes.map(({ type, label, count }) =>
          h('li', {}, h('label', { title: label }, toggle(type, type), `${type} (${count})`)),
        ),
      ),
    ),
  );
}
