import { type Entity, ENTITY_FIELDS, gql, type Path, RELATION_FIELDS } from '../api';
import type { GraphController } from '../graph/controller';
import { h, sourceLines } from './dom';

const HUBS = ['japan', 'south-korea'];

export interface TraceView {
  setFrom(entity: Entity): void;
  setTo(entity: Entity): void;
  run(): Promise<void>;
  state(): { from: string; to: string };
}

/** Trace: from, to, max length, avoid hubs, relation types → paths with narratives. */
export function mountTrace(
  box: HTMLElement,
  graph: GraphController,
  types: string[],
  onError: (m: string) => void,
  onTraced: () => void = () => undefined,
): TraceView {
  const ids = { from: '', to: '' };
  const from = h('input', {
    type: 'text',
    placeholder: 'From (name or id)',
    dataset: { testid: 'trace-from' },
    ariaLabel: 'Trace from',
  } as never) as HTMLInputElement;
  const to = h('input', {
    type: 'text',
    placeholder: 'To (name or id)',
    dataset: { testid: 'trace-to' },
    ariaLabel: 'Trace to',
  } as never) as HTMLInputElement;
  const maxLength = h('input', {
    type: 'number',
    min: '1',
    max: '6',
    value: '4',
    ariaLabel: 'Max length',
  } as never) as HTMLInputElement;
  const avoid = h('input', { type: 'checkbox', dataset: { testid: 'trace-avoid-hubs' } });
  const typeSelect = h(
    'select',
    { multiple: true, size: 4, ariaLabel: 'Only these relationship types' } as never,
    ...types.map((t) => h('option', { value: t }, t)),
  ) as HTMLSelectElement;
  const run = h('button', { type: 'button', dataset: { testid: 'trace-run' } }, 'Trace');
  const list = h('ol', { className: 'paths', dataset: { testid: 'paths-list' } });
  const stepBox = h('div', { className: 'step', dataset: { testid: 'path-step' } });

  from.addEventListener('input', () => (ids.from = ''));
  to.addEventListener('input', () => (ids.to = ''));

  box.replaceChildren(
    h('h2', {}, 'Trace a connection'),
    h('label', {}, 'From', from),
    h('label', {}, 'To', to),
    h(
      'div',
      { className: 'row' },
      h('label', {}, 'Max steps ', maxLength),
      h('label', {}, avoid, ' Avoid hubs'),
    ),
    h('details', {}, h('summary', {}, 'Only these relationship types'), typeSelect),
    run,
    list,
    stepBox,
  );

  /** A typed name is resolved with the search API: the best hit is taken. */
  async function resolve(input: HTMLInputElement, known: string): Promise<string | null> {
    if (known) return known;
    const text = input.value.trim();
    if (!text) return null;
    const data = await gql<{ search: { entity: { id: string; name: string } }[] }>(
      'query S($t: String!) { search(text: $t, first: 1) { entity { id name } } }',
      { t: text },
    );
    const hit = data.search[0]?.entity;
    if (hit) input.value = hit.name;
    return hit?.id ?? null;
  }

  function showStep(path: Path, index: number) {
    const relation = graph.stepTo(index);
    if (!relation) return;
    stepBox.replaceChildren(
      h('p', {}, h('strong', {}, `Step ${index + 1} of ${path.length}: `), path.steps[index] ?? ''),
      sourceLines(relation.sources),
      h(
        'div',
        { className: 'row' },
        h(
          'button',
          {
            type: 'button',
            disabled: index === 0,
            onclick: () => showStep(path, index - 1),
            dataset: { testid: 'step-prev' },
          },
          '← Previous',
        ),
        h(
          'button',
          {
            type: 'button',
            disabled: index === path.length - 1,
            onclick: () => showStep(path, index + 1),
            dataset: { testid: 'step-next' },
          },
          'Next →',
        ),
      ),
    );
  }

  async function trace() {
    list.replaceChildren(h('li', { className: 'hint' }, 'Tracing…'));
    stepBox.replaceChildren();
    try {
      const [fromId, toId] = [await resolve(from, ids.from), await resolve(to, ids.to)];
      if (!fromId || !toId) {
        list.replaceChildren(
          h('li', { className: 'error' }, 'Choose both ends: no entity matches what was typed.'),
        );
        return;
      }
      Object.assign(ids, { from: fromId, to: toId });
      onTraced();
      const chosen = [...typeSelect.selectedOptions].map((o) => o.value);
      const data = await gql<{ paths: Path[] }>(
        `query P($from: ID!, $to: ID!, $max: Int, $avoid: [ID!], $types: [String!]) {
          paths(from: $from, to: $to, maxLength: $max, first: 5, avoid: $avoid, relationTypes: $types) {
            length narrative steps entities { ${ENTITY_FIELDS} } relations { ${RELATION_FIELDS} } } }`,
        {
          from: fromId,
          to: toId,
          max: Math.min(6, Math.max(1, Number(maxLength.value) || 4)),
          avoid: avoid.checked ? HUBS : [],
          types: chosen.length ? chosen : null,
        },
      );
      if (data.paths.length === 0) {
        list.replaceChildren(
          h(
            'li',
            { className: 'empty' },
            'No connection within that many steps. Allow more steps or fewer filters.',
          ),
        );
        return;
      }
      list.replaceChildren(
        ...data.paths.map((path) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                className: 'path',
                dataset: { testid: 'path-item' },
                onclick: () => {
                  graph.showPath(path);
                  showStep(path, 0);
                },
              },
              h('strong', {}, `${path.length} step${path.length === 1 ? '' : 's'}: `),
              path.narrative,
            ),
          ),
        ),
      );
    } catch (error) {
      list.replaceChildren(h('li', { className: 'error' }, (error as Error).message));
      onError((error as Error).message);
    }
  }
  run.addEventListener('click', () => void trace());

  return {
    setFrom(entity) {
      from.value = entity.name;
      ids.from = entity.id;
    },
    setTo(entity) {
      to.value = entity.name;
      ids.to = entity.id;
    },
    run: trace,
    state: () => ({ ...ids }),
  };
}
