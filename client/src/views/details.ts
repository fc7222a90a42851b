import { type Entity, gql, type Relation, RELATION_FIELDS } from '../api';
import type { GraphController, Selection } from '../graph/controller';
import { kindStyle } from '../graph/styles';
import { dates, formatValue, h, sourceLines } from './dom';

export interface DetailActions {
  focus(entity: Entity): void;
  expand(entity: Entity): void;
  collapse(entity: Entity): void;
  traceFrom(entity: Entity): void;
  traceTo(entity: Entity): void;
  select(id: string): void;
}

/** The details panel for a node or an edge, with every item's sources. */
export function mountDetails(panel: HTMLElement, graph: GraphController, actions: DetailActions) {
  const empty = () =>
    panel.replaceChildren(
      h('p', { className: 'hint' }, 'Click a node or an edge to see its details and sources.'),
    );
  empty();

  const field = (label: string, value: string | Node | null | undefined) =>
    value ? h('div', { className: 'field' }, h('dt', {}, label), h('dd', {}, value)) : null;

  async function showEntity(entity: Entity) {
    const style = kindStyle(entity.kind);
    const pinned = graph.cy.getElementById(entity.id).hasClass('pinned');
    const button = (label: string, onClick: () => void, testid: string) =>
      h('button', { type: 'button', onclick: onClick, dataset: { testid } }, label);
    const relationsBox = h(
      'div',
      { className: 'relations' },
      h('p', { className: 'hint' }, 'Loading relations…'),
    );
    panel.replaceChildren(
      h('h2', {}, entity.name),
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
        field('Sources', sourceLines(entity.sources)),
      ),
      h(
        'div',
        { className: 'actions' },
        button('Focus', () => actions.focus(entity), 'focus'),
        button('Expand', () => actions.expand(entity), 'expand'),
        button('Collapse', () => actions.collapse(entity), 'collapse'),
        button(
          pinned ? 'Unpin' : 'Pin',
          () => {
            graph.togglePin(entity.id);
            void showEntity(entity);
          },
          'pin',
        ),
        button('Hide', () => graph.hide(entity.id), 'hide'),
        button('Trace from', () => actions.traceFrom(entity), 'trace-from-here'),
        button('Trace to', () => actions.traceTo(entity), 'trace-to-here'),
      ),
      relationsBox,
    );
    try {
      const data = await gql<{
        entity: { relations: (Relation & { source: Entity; target: Entity })[] } | null;
      }>(
        `query R($id: ID!) { entity(id: $id) { relations(first: 200) { ${RELATION_FIELDS} source { id name } target { id name } } } }`,
        { id: entity.id },
      );
      const groups = new Map<string, HTMLElement[]>();
      for (const r of data.entity?.relations ?? []) {
        const outgoing = r.source.id === entity.id;
        const other = outgoing ? r.target : r.source;
        const phrase = outgoing ? r.label : r.inverseLabel;
        const link = h(
          'a',
          {
            href: `#${other.id}`,
            onclick: (e: Event) => {
              e.preventDefault();
              actions.select(other.id);
            },
          } as never,
          other.name,
        );
        const figure = r.value !== null ? ` (${formatValue(r.value, r.unit)})` : '';
        const item = h('li', {}, `${phrase} `, link, `${figure}${r.start ? ` · ${r.start}` : ''}`);
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
    } catch (error) {
      relationsBox.replaceChildren(
        h(
          'p',
          { className: 'error' },
          `Relations could not be loaded: ${(error as Error).message}`,
        ),
      );
    }
  }

  function showRelation(relation: Relation) {
    const source = graph.cy.getElementById(relation.source.id).data('label') ?? relation.source.id;
    const target = graph.cy.getElementById(relation.target.id).data('label') ?? relation.target.id;
    panel.replaceChildren(
      h('h2', {}, `${source} ${relation.label} ${target}`),
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
        field('Sources', sourceLines(relation.sources)),
      ),
    );
  }

  graph.on((event, payload) => {
    if (event !== 'selected') return;
    const selection = payload as Selection;
    if (!selection) return empty();
    if (selection.kind === 'entity') void showEntity(selection.entity);
    else showRelation(selection.relation);
  });
}
