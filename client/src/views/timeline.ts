import { LIMITS } from '../../../shared/limits';
import { gql } from '../api';
import { takeEarly } from '../first-requests';
import { graphql } from '../generated/gql';
import { act, type App, glance } from '../app';
import { describeRange } from '../graph/filters';
import type { RangeState, ViewState } from '../state/view-state';
import { h } from './dom';

const year = (date: string) => Number(date.slice(0, 4));
const SVG = 'http://www.w3.org/2000/svg';

/** Play and pause as drawn icons: Debian's Chromium has no font with the pause glyph. */
function icon(kind: 'play' | 'pause'): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 10 10');
  svg.setAttribute('width', '10');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const shapes = kind === 'play' ? ['M1 0 L9 5 L1 10 Z'] : ['M1 0 H4 V10 H1 Z', 'M6 0 H9 V10 H6 Z'];
  for (const d of shapes) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
  }
  return svg;
}

const TIMELINE = graphql(`
  query Timeline($first: Int) {
    timeline(first: $first) {
      date
      title
      entity {
        id
      }
      relation {
        id
      }
    }
  }
`);
/** The same as text with its variables, for the tests that post it themselves. */
export const TIMELINE_REQUEST = {
  query: TIMELINE.toString(),
  variables: { first: LIMITS.timelineFirst },
};

/** The dated events along the timeline (the first LIMITS.timelineFirst of them). */
export const requestTimeline = () => gql(TIMELINE, { first: LIMITS.timelineFirst });

/** "1990 – 2000: 40 of 106 entities, … (undated entities shown)". The status line agrees. */
export function rangeLabel(
  range: RangeState,
  counts: { entities: number; totalEntities: number; relations: number; totalRelations: number },
): string {
  const described = describeRange(range);
  if (!described) return 'All dates';
  return `Graph ${described}: ${counts.entities} of ${counts.totalEntities} entities, ${counts.relations} of ${counts.totalRelations} relations (undated entities ${range.undated === 'show' ? 'shown' : 'hidden'})`;
}

/**
 * Dated events along an axis. Brush across it (or type years) for a window, or choose "as
 * of" for the graph at one date; Play slides the window through the years; click an event
 * to select it. Undated entities are shown or hidden, as the user chooses.
 */
export function mountTimeline(box: HTMLElement, app: App): void {
  const { store, graph } = app;
  let playing: number | undefined;
  const axis = h('div', { className: 'axis', dataset: { testid: 'timeline-axis' } });
  const brush = h('div', { className: 'brush', hidden: true });
  const fromInput = h('input', {
    type: 'number',
    ariaLabel: 'From year',
    dataset: { testid: 'timeline-from' },
  } as never) as HTMLInputElement;
  const toInput = h('input', {
    type: 'number',
    ariaLabel: 'To year',
    dataset: { testid: 'timeline-to' },
  } as never) as HTMLInputElement;
  const play = h('button', { type: 'button', dataset: { testid: 'timeline-play' } });
  const mode = h(
    'select',
    { ariaLabel: 'Range mode', dataset: { testid: 'timeline-mode' } } as never,
    h('option', { value: 'range' }, 'Window'),
    h('option', { value: 'asof' }, 'As of the end year'),
  ) as HTMLSelectElement;
  const undated = h(
    'select',
    { ariaLabel: 'Undated entities', dataset: { testid: 'timeline-undated' } } as never,
    h('option', { value: 'show' }, 'Undated: shown'),
    h('option', { value: 'hide' }, 'Undated: hidden'),
  ) as HTMLSelectElement;
  const clear = h('button', { type: 'button', dataset: { testid: 'timeline-clear' } }, 'All dates');
  const label = h(
    'span',
    { className: 'range-label', dataset: { testid: 'timeline-range' } },
    'All dates',
  );
  box.replaceChildren(
    h(
      'div',
      { className: 'timeline-controls' },
      h('h2', {}, 'Timeline'),
      play,
      fromInput,
      '–',
      toInput,
      mode,
      undated,
      clear,
      label,
    ),
    axis,
  );

  let min = 1900;
  let max = 2020;
  const xOf = (date: string) => {
    const y = year(date) + (Number(date.slice(5, 7) || '6') - 1) / 12;
    return ((y - min) / (max - min + 1)) * 100;
  };
  const setPlay = (on: boolean) => {
    play.replaceChildren(icon(on ? 'pause' : 'play'), on ? ' Pause' : ' Play');
    play.setAttribute('aria-label', on ? 'Pause' : 'Play through the years');
  };
  setPlay(false);

  const commit = (range: Partial<RangeState>, transient = false) => {
    const next = (s: ViewState) => ({ ...s, range: { ...s.range, ...range } });
    if (transient) glance(app, next);
    else act(app, 'Timeline range changed', next);
  };

  const sync = (state: ViewState) => {
    const { from, to } = state.range;
    fromInput.value = from ?? '';
    toInput.value = to ?? '';
    mode.value = state.range.mode;
    undated.value = state.range.undated;
    if (from || to) {
      const a = state.range.mode === 'asof' ? (to ?? from)! : (from ?? String(min));
      const b = to ?? String(max);
      brush.hidden = false;
      brush.style.left = `${xOf(a)}%`;
      brush.style.width = `${Math.max(0.5, xOf(`${b}-12`) - xOf(a))}%`;
    } else brush.hidden = true;
  };
  store.subscribe(sync);
  app.drawn((state) => (label.textContent = rangeLabel(state.range, graph.visibleCounts())));

  const stop = () => {
    window.clearInterval(playing);
    playing = undefined;
    setPlay(false);
  };
  // Play slides a window (the chosen one, or five years) from the first year to the last.
  play.addEventListener('click', () => {
    if (playing) return stop();
    const { from, to } = store.get().range;
    const width = from && to ? Math.max(0, year(to) - year(from)) : 5;
    let start = min;
    setPlay(true);
    playing = window.setInterval(() => {
      commit({ from: String(start), to: String(start + width) }, true);
      start += Math.max(1, Math.round((max - min) / 40));
      if (start + width > max) stop();
    }, 500);
  });
  clear.addEventListener('click', () => {
    stop();
    commit({ from: null, to: null });
  });
  const typed = () => commit({ from: fromInput.value || null, to: toInput.value || null });
  fromInput.addEventListener('change', typed);
  toInput.addEventListener('change', typed);
  mode.addEventListener('change', () => commit({ mode: mode.value as RangeState['mode'] }));
  undated.addEventListener('change', () =>
    commit({ undated: undated.value as RangeState['undated'] }),
  );

  // Brushing: drag across the axis to choose a range of years.
  let anchor: number | null = null;
  const yearAt = (event: MouseEvent) => {
    const rect = axis.getBoundingClientRect();
    return Math.round(min + ((event.clientX - rect.left) / rect.width) * (max - min + 1));
  };
  axis.addEventListener('mousedown', (e) => {
    if ((e.target as HTMLElement).classList.contains('event')) return;
    anchor = yearAt(e);
  });
  window.addEventListener('mouseup', (e) => {
    if (anchor === null) return;
    const end = yearAt(e);
    const [a, b] = [Math.min(anchor, end), Math.max(anchor, end)];
    anchor = null;
    commit({ from: String(Math.max(min, a)), to: String(Math.min(max, b)) });
  });

  // The events load beside the first view (not after it: the first screen is complete
  // sooner), and again after a failure, when the next view is drawn.
  let events: 'loading' | 'loaded' | 'failed' = 'loading';
  const load = () => {
    events = 'loading';
    // The first load takes the request the entry script sent (boot.ts).
    void takeEarly('timeline', requestTimeline)
      .then(({ timeline }) => {
        const entries = timeline.filter((entry) => entry.entity);
        if (timeline.length > 0) {
          min = year(timeline[0]!.date);
          max = year(timeline.at(-1)!.date);
        }
        fromInput.min = toInput.min = String(min);
        fromInput.max = toInput.max = String(max);
        const ticks = [];
        for (let y = Math.ceil(min / 10) * 10; y <= max; y += 10)
          ticks.push(
            h('span', { className: 'tick', style: `left:${xOf(String(y))}%` } as never, String(y)),
          );
        axis.replaceChildren(
          brush,
          ...ticks,
          ...entries.map((entry, i) =>
            h('button', {
              type: 'button',
              className: 'event',
              title: `${entry.date}: ${entry.title}`,
              ariaLabel: `${entry.date}: ${entry.title}`,
              style: `left:${xOf(entry.date)}%; top:${8 + (i % 4) * 12}px`,
              dataset: { testid: 'timeline-event', id: entry.entity!.id },
              onclick: () => glance(app, (s) => ({ ...s, selected: entry.entity!.id })),
            } as never),
          ),
        );
        sync(store.get());
        events = 'loaded';
        performance.mark('tracegraph:timeline');
      })
      .catch((error: unknown) => {
        events = 'failed';
        app.fail(error);
      });
  };
  load();
  app.drawn(() => {
    if (events === 'failed') load();
  });
}
