import type { PathSearch } from '../api';
import { act, type App, nameOf } from '../app';
import { actions, MAX_STEPS, type TraceState, type ViewState } from '../state/view-state';
import { h } from './dom';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "only through Japan", "only through Japan, South Korea": how a path that passes hubs is marked. */
export const hubMark = (hubs: { name: string }[]): string =>
  `only through ${hubs.map((hub) => hub.name).join(', ')}`;

/** The same question with one limit lifted, or null when the trace form cannot lift it. */
function lifted(limit: string, search: PathSearch, t: TraceState): [string, TraceState] | null {
  if (limit === 'MAX_LENGTH' && search.unlimitedLength && search.unlimitedLength <= MAX_STEPS)
    return [`Allow ${search.unlimitedLength} steps`, { ...t, maxSteps: search.unlimitedLength }];
  if (limit === 'AVOID_HUBS') return ['Allow hubs', { ...t, avoidHubs: false }];
  if (limit === 'RELATION_TYPES') return ['Allow every relationship type', { ...t, types: [] }];
  return null;
}

/**
 * Why a trace found no path, or only paths through hubs, as the server says it: the limit to
 * blame (with a button that lifts it), the hubs every route passes, and the entities nearest
 * the target that the source does reach, each of which can be traced to or focused on.
 */
export function explanation(search: PathSearch, state: ViewState, app: App): HTMLElement | null {
  if (!search.explanation) return null;
  const t = state.trace;
  const from = nameOf(app, t.from);
  const to = nameOf(app, t.to);
  const retry = (label: string, next: TraceState) =>
    h(
      'button',
      {
        type: 'button',
        onclick: () =>
          act(app, `Traced ${from} → ${nameOf(app, next.to)}`, (s) => actions.trace(s, next)),
      },
      label,
    );
  const fixes = search.blockedBy.flatMap((limit) => {
    const fix = lifted(limit, search, t);
    return fix ? [retry(...fix)] : [];
  });
  const nearest = search.nearest.map(({ entity, stepsFromSource, stepsToTarget }) =>
    h(
      'li',
      { dataset: { testid: 'nearest-entity' } },
      retry(entity.name, { ...t, to: entity.id }),
      ` ${plural(stepsFromSource, 'step')} from ${from}, ${plural(stepsToTarget, 'step')} from ${to} `,
      h(
        'button',
        {
          type: 'button',
          className: 'small',
          onclick: () => act(app, `Focused on ${entity.name}`, (s) => actions.focus(s, entity.id)),
        },
        'Focus',
        h('span', { className: 'sr-only' }, ` on ${entity.name}`),
      ),
    ),
  );
  return h(
    'section',
    { className: 'why', ariaLabel: 'Why this answer', dataset: { testid: 'trace-explanation' } },
    h('h3', {}, search.paths.length ? 'Every path passes a hub' : 'No path found'),
    h('p', {}, search.explanation),
    search.routeHubs.length
      ? h(
          'p',
          {},
          'Hubs on the way: ',
          h('strong', {}, search.routeHubs.map((hub) => hub.name).join(', ')),
        )
      : null,
    fixes.length ? h('div', { className: 'row' }, ...fixes) : null,
    nearest.length
      ? h(
          'div',
          {},
          h('h4', {}, `Nearest to ${to} that ${from} reaches`),
          h('p', { className: 'hint' }, 'Choose a name to trace to it.'),
          h('ul', { className: 'nearest' }, ...nearest),
        )
      : null,
  );
}
