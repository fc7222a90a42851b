import { gql, type TimelineEntry } from '../api';
import type { GraphController } from '../graph/controller';
import { h } from './dom';

export interface TimelineView {
  setRange(from: string | null, to: string | null): void;
  range(): { from: string | null; to: string | null };
}

const year = (date: string) => Number(date.slice(0, 4));

/**
 * Dated events along an axis. Drag across the axis (or use the year fields) to see the graph
 * as it stood in that range; click an event to select it; Play steps through the years.
 */
export function mountTimeline(
  box: HTMLElement,
  graph: GraphController,
  onChange: () => void,
): Promise<TimelineView> {
  let current: { from: string | null; to: string | null } = { from: null, to: null };
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
  const play = h('button', { type: 'button', dataset: { testid: 'timeline-play' } }, '▶ Play');
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
      h('strong', {}, 'Timeline '),
      play,
      fromInput,
      '–',
      toInput,
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

  // The label counts what is on the canvas, so it follows every filter and change, not
  // only this range.
  const describe = () => {
    const { from, to } = current;
    if (!from && !to) return 'All dates';
    const shown = graph.visibleCounts();
    return `Graph as of ${from ?? '…'} – ${to ?? '…'}: ${shown.entities} of ${shown.totalEntities} entities, ${shown.relations} of ${shown.totalRelations} relations`;
  };
  graph.on((event) => {
    if (event === 'filtered' || event === 'changed') label.textContent = describe();
  });

  const apply = (from: string | null, to: string | null) => {
    current = { from, to };
    graph.setRange(from, to); // filters, and so relabels
    fromInput.value = from ?? '';
    toInput.value = to ?? '';
    if (from && to) {
      brush.hidden = false;
      brush.style.left = `${xOf(from)}%`;
      brush.style.width = `${Math.max(0.5, xOf(`${to}-12`) - xOf(from))}%`;
    } else brush.hidden = true;
    onChange();
  };

  const stop = () => {
    window.clearInterval(playing);
    playing = undefined;
    play.textContent = '▶ Play';
  };
  play.addEventListener('click', () => {
    if (playing) return stop();
    let y = min;
    play.textContent = '⏸ Pause';
    playing = window.setInterval(() => {
      apply(String(min), String(y));
      y += Math.max(1, Math.round((max - min) / 40));
      if (y > max) {
        apply(String(min), String(max));
        stop();
      }
    }, 500);
  });
  clear.addEventListener('click', () => {
    stop();
    apply(null, null);
  });
  const typed = () => apply(fromInput.value || null, toInput.value || null);
  fromInput.addEventListener('change', typed);
  toInput.addEventListener('change', typed);

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
    apply(String(Math.max(min, a)), String(Math.min(max, b)));
  });

  return gql<{ timeline: TimelineEntry[] }>(
    'query Timeline($first: Int) { timeline(first: $first) { date title entity { id } relation { id } } }',
    { first: 1000 },
  ).then(({ timeline }) => {
    const events = timeline.filter((entry) => entry.entity);
    if (timeline.length > 0) {
      min = year(timeline[0]!.date);
      max = year(timeline.at(-1)!.date);
    }
    fromInput.min = toInput.min = String(min);
    fromInput.max = toInput.max = String(max);
    const ticks = [];
    for (let y = Math.ceil(min / 10) * 10; y <= max; y += 10) {
      ticks.push(
        h('span', { className: 'tick', style: `left:${xOf(String(y))}%` } as never, String(y)),
      );
    }
    axis.replaceChildren(
      brush,
      ...ticks,
      ...events.map((entry, i) =>
        h('button', {
          type: 'button',
          className: 'event',
          title: `${entry.date}: ${entry.title}`,
          ariaLabel: `${entry.date}: ${entry.title}`,
          style: `left:${xOf(entry.date)}%; top:${8 + (i % 4) * 12}px`,
          dataset: { testid: 'timeline-event', id: entry.entity!.id },
          onclick: () => graph.select(entry.entity!.id),
        } as never),
      ),
    );
    return { setRange: apply, range: () => ({ ...current }) };
  });
}
