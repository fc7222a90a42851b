import { resolveName } from '../api';
import { act, type App, glance, nameOf } from '../app';
import { actions, MAX_STEPS, MIN_STEPS, type ViewState } from '../state/view-state';
import { citations, h } from './dom';
import { exportReport } from './report-export';
import { explanation, hubMark } from './trace-why';

/**
 * Trace: from, to, max steps, avoid hubs, relation types → paths with narratives (dated
 * steps, hubs marked), or why there is none. Running it is one transition (the old trace goes
 * completely); the first path is drawn at once; the step box sits on the canvas, beside what
 * it describes, with each step's citations. The trace exports as a report.
 */
export function mountTrace(box: HTMLElement, stepBox: HTMLElement, app: App): void {
  const { store, data } = app;
  const from = h('input', {
    type: 'text',
    placeholder: 'From (name or id)',
    dataset: { testid: 'trace-from' },
  });
  const to = h('input', {
    type: 'text',
    placeholder: 'To (name or id)',
    dataset: { testid: 'trace-to' },
  });
  const maxSteps = h('input', {
    type: 'number',
    min: String(MIN_STEPS),
    max: String(MAX_STEPS),
    value: '4',
    dataset: { testid: 'trace-max' },
  });
  const avoid = h('input', { type: 'checkbox', dataset: { testid: 'trace-avoid-hubs' } });
  const typeSelect = h('select', {
    multiple: true,
    size: 5,
    id: 'trace-types',
  }) as HTMLSelectElement;
  const run = h('button', { type: 'submit', dataset: { testid: 'trace-run' } }, 'Trace');
  const clear = h('button', { type: 'button', dataset: { testid: 'trace-clear' } }, 'Clear');
  const message = h('p', {
    className: 'error',
    role: 'alert',
    dataset: { testid: 'trace-message' },
  });
  const list = h('ol', { className: 'paths', dataset: { testid: 'paths-list' } });
  // Read out when it appears: the reason a trace found nothing is its answer.
  const why = h('div', { className: 'why-box', ariaLive: 'polite' } as never);
  const reportButton = (format: 'markdown' | 'html', label: string) =>
    h(
      'button',
      {
        type: 'button',
        disabled: true,
        dataset: { testid: `report-${format}` },
        onclick: () =>
          void exportReport(store.get().trace, format).catch((error: unknown) => {
            message.textContent = `The report could not be made: ${(error as Error).message}`;
          }),
      },
      label,
    );
  const reports = [reportButton('markdown', 'Markdown'), reportButton('html', 'HTML')];
  // Typed text is resolved when the trace runs; an id chosen elsewhere is kept while the
  // field still shows its name.
  const chosen = { from: null as string | null, to: null as string | null };

  const form = h(
    'form',
    { className: 'trace-form', noValidate: true },
    h('h2', {}, 'Trace a connection'),
    h('label', {}, 'From', from),
    h('label', {}, 'To', to),
    h(
      'div',
      { className: 'row' },
      h('label', {}, 'Max steps ', maxSteps),
      h('label', {}, avoid, ' Avoid hubs'),
    ),
    h(
      'details',
      {},
      h('summary', {}, 'Only these relationship types'),
      h('label', { htmlFor: 'trace-types', className: 'sr-only' }, 'Only these relationship types'),
      typeSelect,
    ),
    h('div', { className: 'row' }, run, clear),
    h('div', { className: 'row report' }, h('span', {}, 'Export report:'), ...reports),
    message,
  );
  box.replaceChildren(form, why, list);

  const end = async (input: HTMLInputElement, known: string | null): Promise<string | null> => {
    const text = input.value.trim();
    if (!text) return null;
    if (known && (text === nameOf(app, known) || text === known)) return known;
    const hit = await resolveName(text);
    if (hit) {
      data.entities.set(hit.id, { ...data.entities.get(hit.id), ...hit });
      input.value = hit.name;
    }
    return hit?.id ?? null;
  };

  // Enter in any field submits the form: it runs the trace.
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    // Resolving typed names takes a request: the canvas counts as busy until the trace is in.
    const release = app.graph.hold();
    try {
      await submit();
    } finally {
      release();
    }
  });
  async function submit() {
    const steps = Number(maxSteps.value);
    if (!Number.isInteger(steps) || steps < MIN_STEPS || steps > MAX_STEPS) {
      message.textContent = `Max steps must be a whole number from ${MIN_STEPS} to ${MAX_STEPS}.`;
      maxSteps.focus();
      return;
    }
    try {
      const [fromId, toId] = [await end(from, chosen.from), await end(to, chosen.to)];
      if (!fromId || !toId) {
        message.textContent = 'Choose both ends: no entity matches what was typed.';
        return;
      }
      act(app, `Traced ${nameOf(app, fromId)} → ${nameOf(app, toId)}`, (s) =>
        actions.trace(s, {
          from: fromId,
          to: toId,
          maxSteps: steps,
          avoidHubs: avoid.checked,
          types: [...typeSelect.selectedOptions].map((o) => o.value),
        }),
      );
    } catch (error) {
      message.textContent = (error as Error).message;
    }
  }
  clear.addEventListener('click', () => act(app, 'Cleared the trace', actions.clearTrace));

  const fill = (state: ViewState) => {
    const t = state.trace;
    for (const [input, id, key] of [
      [from, t.from, 'from'],
      [to, t.to, 'to'],
    ] as const) {
      if (chosen[key] !== id || (id && !input.value)) input.value = nameOf(app, id);
      chosen[key] = id;
    }
    maxSteps.value = String(t.maxSteps);
    // A report is of a trace that has run.
    for (const button of reports) button.disabled = t.path === null || !t.from || !t.to;
    avoid.checked = t.avoidHubs;
    for (const option of typeSelect.options) option.selected = t.types.includes(option.value);
  };
  store.subscribe((state, change) => {
    if (JSON.stringify(state.trace) !== JSON.stringify(change.previous.trace)) fill(state);
    if (state.trace.path === null) {
      list.replaceChildren();
      why.replaceChildren();
      stepBox.replaceChildren();
    } else if (
      JSON.stringify({ ...state.trace, path: 0, step: 0 }) !==
      JSON.stringify({ ...change.previous.trace, path: 0, step: 0 })
    ) {
      list.replaceChildren(h('li', { className: 'hint' }, 'Tracing…'));
      why.replaceChildren();
      stepBox.replaceChildren();
    }
  });

  const drawStep = (state: ViewState) => {
    const path = data.pathsFor(state.trace)?.[state.trace.path ?? 0];
    const index = state.trace.step;
    const hop = path?.hops[index];
    if (!path || !hop) return stepBox.replaceChildren();
    const go = (step: number) => glance(app, (s) => actions.step(s, step));
    stepBox.replaceChildren(
      h('p', {}, h('strong', {}, `Step ${index + 1} of ${path.length}: `), hop.sentence),
      citations(hop.relation.sources),
      h(
        'div',
        { className: 'row' },
        h(
          'button',
          {
            type: 'button',
            disabled: index === 0,
            onclick: () => go(index - 1),
            dataset: { testid: 'step-prev' },
          },
          '← Previous',
        ),
        h(
          'button',
          {
            type: 'button',
            disabled: index === path.length - 1,
            onclick: () => go(index + 1),
            dataset: { testid: 'step-next' },
          },
          'Next →',
        ),
      ),
    );
  };

  app.drawn((state) => {
    // A shared link names its ends by id; once their data is in, the fields show names.
    for (const [input, id] of [
      [from, state.trace.from],
      [to, state.trace.to],
    ] as const)
      if (id && input.value === id) input.value = nameOf(app, id);
    if (typeSelect.options.length === 0 && data.relationTypes.length) {
      typeSelect.replaceChildren(
        ...data.relationTypes.map((t) => h('option', { value: t.type }, t.type)),
      );
      fill(state);
    }
    const search = data.searchFor(state.trace);
    if (!search) return;
    const { paths } = search;
    why.replaceChildren(explanation(search, state, app) ?? '');
    if (paths.length === 0) {
      list.replaceChildren();
    } else {
      list.replaceChildren(
        ...paths.map((path, i) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                className: 'path',
                ariaPressed: String(i === state.trace.path),
                dataset: { testid: 'path-item' },
                onclick: () => act(app, `Path ${i + 1} chosen`, (s) => actions.pickPath(s, i)),
              } as never,
              h('strong', {}, `${path.length} step${path.length === 1 ? '' : 's'}`),
              path.hubs.length ? ' · ' : '',
              path.hubs.length ? h('span', { className: 'hub-mark' }, hubMark(path.hubs)) : '',
              ': ',
              path.narrative,
            ),
          ),
        ),
      );
    }
    drawStep(state);
  });
  fill(store.get());
}
