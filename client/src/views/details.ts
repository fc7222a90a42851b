import { type Entity, fetchEvidence, fetchNeighbours, type Relation } from '../api';
import { agreeWith, sentence } from '../../../shared/grammar';
import { act, type App, glance, nameOf } from '../app';
import { kindStyle } from '../graph/styles';
import { actions, batchesOf, type ViewState } from '../state/view-state';
import { citations, dates, formatValue, h } from './dom';

/**
 * The details panel for the selected node or edge, with every item's sources. It draws
 * `state.selected`; its buttons are transitions of the store. It closes with its button or
 * Escape (which clears the selection).
 */
export function mountDetails(panel: HTMLElement, app: App): void {
  const { store, data } = app;
  let shown = '';

  const field = (label: string, value: string | Node | null | undefined) =>
    value ? h('div', { className: 'field' }, h('dt', {}, label), h('dd', {}, value)) : null;
  const button = (label: string, onClick: () => void, testid: string) =>
    h('button', { type: 'button', onclick: onClick, dataset: { testid } }, label);
  // Citations show at once; the attached text of their paragraphs follows in a small query
  // for what is on show (the overview never carries it, however much text is attached).
  const sourcesOf = (item: Entity | Relation, selected: string) => {
    const box = h('div', {}, citations(item.sources, data.paragraphs));
    const ask = 'kind' in item ? { entity: item.id } : { relation: item };
    void fetchEvidence(ask)
      .then((sources) => {
        if (store.get().selected !== selected || sources.length === 0) return;
        data.keepTexts(sources);
        box.replaceChildren(citations(sources));
      })
      .catch((error: unknown) =>
        box.append(
          h(
            'p',
            { className: 'error' },
            `Paragraph texts could not be loaded: ${(error as Error).message}`,
          ),
        ),
      );
    return box;
  };
  const close = () => glance(app, (s) => ({ ...actions.select(s, null), panel: 'graph' }));
  const header = (title: string) =>
    h(
      'div',
      { className: 'panel-head' },
      h('h2', {}, title),
      h(
        'button',
        {
          type: 'button',
          className: 'close',
          ariaLabel: 'Close details',
          title: 'Close details (Escape)',
          onclick: close,
          dataset: { testid: 'details-close' },
        } as never,
        '×',
      ),
    );

  function showEntity(entity: Entity, state: ViewState) {
    const style = kindStyle(entity.kind);
    const pinned = state.pinned.some((p) => p.id === entity.id);
    const relationsBox = h(
      'div',
      { className: 'relations' },
      h('p', { className: 'hint' }, 'Loading relations…'),
    );
    const id = entity.id;
    panel.replaceChildren(
      header(entity.name),
      h(
        'p',
        { className: 'kind' },
        h('span', { className: 'swatch', style: `background:${style.color}` } as never),
        style.label,
      ),
      h(
        'dl',
        {},
        field('Also known as', entity.aliases.join(', ') || null),
        field('Dates', dates(entity.start, entity.end)),
        field('Summary', entity.summary),
        field('Outside the source', entity.beyondSource ?? null),
        field('Sources', sourcesOf(entity, entity.id)),
      ),
      h(
        'div',
        { className: 'actions' },
        button(
          'Focus',
          () => act(app, `Focused on ${entity.name}`, (s) => actions.focus(s, id)),
          'focus',
        ),
        button(
          'Expand',
          () => act(app, `Expanded ${entity.name}`, (s) => actions.expand(s, id)),
          'expand',
        ),
        batchesOf(state, id)
          ? button(
              'Collapse',
              () => act(app, `Collapsed ${entity.name}`, (s) => actions.collapse(s, id)),
              'collapse',
            )
          : null,
        button(
          pinned ? 'Unpin' : 'Pin',
          () => {
            const at = app.graph.cy.getElementById(id).position();
            act(app, `${pinned ? 'Unpinned' : 'Pinned'} ${entity.name}`, (s) =>
              pinned
                ? actions.unpin(s, id)
                : actions.pin(s, { id, x: Math.round(at.x), y: Math.round(at.y) }),
            );
          },
          'pin',
        ),
        button('Hide', () => act(app, `Hid ${entity.name}`, (s) => actions.hide(s, id)), 'hide'),
        button(
          'Trace from',
          () => act(app, `Tracing from ${entity.name}`, (s) => actions.setEnd(s, 'from', id)),
          'trace-from-here',
        ),
        button(
          'Trace to',
          () => act(app, `Tracing to ${entity.name}`, (s) => actions.setEnd(s, 'to', id)),
          'trace-to-here',
        ),
      ),
      relationsBox,
    );
    void fetchNeighbours(id, 200)
      .then((found) => {
        if (store.get().selected !== id) return;
        const groups = new Map<string, HTMLElement[]>();
        for (const r of found?.relations ?? []) {
          const outgoing = r.source.id === id;
          const other = outgoing ? r.target : r.source;
          const link = h(
            'a',
            {
              href: `#${other.id}`,
              onclick: (e: Event) => {
                e.preventDefault();
                glance(app, (s) => actions.select(s, other.id));
              },
            } as never,
            other.name,
          );
          const figure = r.value !== null ? ` (${formatValue(r.value, r.unit)})` : '';
          const phrase = agreeWith(entity, outgoing ? r.label : r.inverseLabel);
          const item = h(
            'li',
            {},
            `${phrase} `,
            link,
            `${figure}${r.start ? ` · ${r.start}` : ''}`,
          );
          groups.set(r.type, [...(groups.get(r.type) ?? []), item]);
        }
        relationsBox.replaceChildren(
          h('h3', {}, `Relations (${entity.degree})`),
          ...[...groups].map(([type, items]) =>
            h(
              'details',
              { open: true },
              h('summary', {}, `${type} (${items.length})`),
              h('ul', {}, ...items),
            ),
          ),
        );
      })
      .catch((error: unknown) =>
        relationsBox.replaceChildren(
          h(
            'p',
            { className: 'error' },
            `Relations could not be loaded: ${(error as Error).message}`,
          ),
        ),
      );
  }

  function showRelation(relation: Relation) {
    const source = data.entities.get(relation.source.id);
    const target = nameOf(app, relation.target.id);
    // The same sentence as the trace's step and the edge's tooltip.
    const title = source
      ? sentence(source, relation.label, target)
      : `${nameOf(app, relation.source.id)} ${relation.label} ${target}`;
    panel.replaceChildren(
      header(title),
      h('p', { className: 'kind' }, relation.type),
      h(
        'dl',
        {},
        field('Dates', dates(relation.start, relation.end)),
        field(
          'Figure',
          relation.value !== null ? formatValue(relation.value, relation.unit) : null,
        ),
        field('Summary', relation.summary),
        field('Sources', sourcesOf(relation, `rel:${relation.id}`)),
      ),
    );
  }

  // Redrawn when the selection, its pin or its expansion changes (the buttons depend on them).
  const keyOf = (state: ViewState) =>
    `${state.selected}|${state.pinned.some((p) => p.id === state.selected)}|${batchesOf(state, state.selected ?? '')}|${data.entities.has(state.selected ?? '')}`;
  const draw = (state: ViewState) => {
    const key = keyOf(state);
    if (key === shown) return;
    shown = key;
    const id = state.selected;
    const relation = id?.startsWith('rel:') ? data.relations.get(id.slice(4)) : undefined;
    const entity = id && !relation ? data.entities.get(id) : undefined;
    panel.dataset.showing = id ?? '';
    if (relation) showRelation(relation);
    else if (entity) showEntity(entity, state);
    else
      panel.replaceChildren(
        h('p', { className: 'hint' }, 'Click a node or an edge to see its details and sources.'),
      );
  };
  app.drawn(draw);
  store.subscribe(draw);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
}
