import { type App, glance } from '../app';
import type { PanelName, ViewState } from '../state/view-state';
import { h } from './dom';

const TABS: { panel: PanelName; label: string }[] = [
  { panel: 'graph', label: 'Graph' },
  { panel: 'trace', label: 'Trace' },
  { panel: 'details', label: 'Details' },
  { panel: 'filters', label: 'Filters' },
  { panel: 'query', label: 'Query' },
];

/**
 * The open panel is part of the view state: the body carries it as data-panel and the CSS
 * shows that panel (on a phone, one at a time; on a desktop only Query covers the work
 * area). The tab bar is visible on narrow screens; the Query button in the toolbar on wide.
 */
export function mountTabs(bar: HTMLElement, app: App): HTMLButtonElement {
  const buttons = TABS.map(({ panel, label }) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        dataset: { testid: `tab-${panel}`, panel },
        onclick: () => glance(app, (s) => ({ ...s, panel })),
      } as never,
      label,
    ),
  );
  bar.setAttribute('role', 'tablist');
  bar.setAttribute('aria-label', 'Panels');
  bar.replaceChildren(...buttons);
  const query = h(
    'button',
    {
      type: 'button',
      dataset: { testid: 'query-tab' },
      onclick: () => glance(app, (s) => ({ ...s, panel: s.panel === 'query' ? 'graph' : 'query' })),
    } as never,
    'Query',
  );
  const sync = (state: ViewState) => {
    document.body.dataset.panel = state.panel;
    for (const button of buttons)
      button.setAttribute('aria-selected', String(button.dataset.panel === state.panel));
    query.setAttribute('aria-pressed', String(state.panel === 'query'));
  };
  app.store.subscribe(sync);
  sync(app.store.get());
  return query;
}

/** At 1024 px and wider, each side panel can be folded away to give the canvas room. */
export function mountCollapsers(app: App, sides: { left: HTMLElement; right: HTMLElement }): void {
  for (const [side, panel] of Object.entries(sides)) {
    const toggle = h(
      'button',
      {
        type: 'button',
        className: `collapser ${side}`,
        dataset: { testid: `collapse-${side}` },
        ariaExpanded: 'true',
        ariaLabel: `Hide the ${side} panel`,
        onclick: () => {
          const collapsed = document.body.classList.toggle(`collapsed-${side}`);
          toggle.setAttribute('aria-expanded', String(!collapsed));
          toggle.setAttribute('aria-label', `${collapsed ? 'Show' : 'Hide'} the ${side} panel`);
          toggle.textContent = (side === 'left') === collapsed ? '›' : '‹';
        },
      } as never,
      side === 'left' ? '‹' : '›',
    );
    panel.before(toggle);
  }
}
