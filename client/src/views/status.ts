import { act, type App } from '../app';
import { describeRange } from '../graph/filters';
import { actions, batchesOf, type ViewState } from '../state/view-state';
import { h, knownTexts } from './dom';

/**
 * The status line under the canvas: what the last action did, what the canvas shows (the
 * same counts as the timeline's label), and "More…" while the selected entity has
 * neighbours not shown. Everything in it is redrawn from the state, so nothing goes stale.
 */
export function mountStatus(line: HTMLElement, app: App) {
  const { store, data, graph } = app;
  let message = '';
  const tooltip = document.getElementById('tooltip')!;
  graph.on('hover', (hover) => {
    tooltip.hidden = !hover;
    if (!hover) return;
    tooltip.replaceChildren(hover.text, ...evidence(hover.id));
    tooltip.style.left = `${hover.x + 12}px`;
    tooltip.style.top = `${hover.y + 12}px`;
  });

  // The hovered element's citations, and the first cited paragraph when its text is known.
  const evidence = (id: string): HTMLElement[] => {
    const item = id.startsWith('rel:') ? data.relations.get(id.slice(4)) : data.entities.get(id);
    if (!item) return [];
    const lines = item.sources.map((source) => h('span', { className: 'cite' }, source.citation));
    const quoted = item.sources.flatMap((source) => knownTexts(source, data.paragraphs))[0];
    if (quoted)
      lines.push(
        h('q', {}, quoted.text.length > 240 ? `${quoted.text.slice(0, 239)}…` : quoted.text),
      );
    return lines;
  };

  const counts = (state: ViewState) => {
    const c = graph.visibleCounts();
    if (c.totalEntities === 0) return 'The graph is empty: load one with `npm run seed`.';
    const range = describeRange(state.range);
    const filtered = c.entities !== c.totalEntities || c.relations !== c.totalRelations;
    const base = filtered
      ? `${c.entities} of ${c.totalEntities} entities, ${c.relations} of ${c.totalRelations} relations shown`
      : `${c.entities} entities, ${c.relations} relations`;
    // The first screen shows the best-connected part of a large graph: say how much is left.
    const all = data.totals;
    if (all && all.entities > c.totalEntities) {
      const n = (value: number) => value.toLocaleString('en');
      const shown =
        `${n(c.entities)} of ${n(all.entities)} entities and ` +
        `${n(c.relations)} of ${n(all.relations)} relations shown; search to find the rest.`;
      return range ? `${shown} (${range})` : shown;
    }
    return range ? `${base} (${range})` : base;
  };
  const render = (state: ViewState) => {
    const parts: (string | Node)[] = [];
    if (message) parts.push(`${message}. `);
    parts.push(counts(state));
    if (!message && state.expanded.length === 0 && !state.focus && !state.selected)
      parts.push(' · Search a name, or click a node; double-click expands it.');
    const id = state.selected;
    const batches = id ? batchesOf(state, id) : 0;
    const remaining = id && batches ? data.remaining(id, batches) : 0;
    if (remaining > 0) {
      const name = data.entities.get(id!)?.name ?? id!;
      parts.push(
        ' ',
        h(
          'button',
          {
            type: 'button',
            dataset: { testid: 'expand-more' },
            onclick: () => act(app, `More neighbours of ${name}`, (s) => actions.expand(s, id!)),
          },
          `More… (${remaining} not shown)`,
        ),
      );
    }
    line.replaceChildren(...parts);
  };
  store.subscribe((_, change) => {
    // Anything that changes the view leaves no tooltip behind.
    tooltip.hidden = true;
    message = change.label;
  });
  app.drawn(render);
  return {
    say(text: string) {
      message = text.replace(/\.$/, '');
      render(store.get());
    },
  };
}
