import { type App, glance } from '../app';
import { actions } from '../state/view-state';

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The canvas from the keyboard: it takes focus with Tab; the arrow keys move the selection
 * to the neighbour in that direction (along a traced path, Left and Right step through it);
 * Enter opens the details; Escape clears the selection.
 */
export function mountCanvasKeys(canvas: HTMLElement, app: App): void {
  const { store, graph, data } = app;
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'graph');
  canvas.setAttribute(
    'aria-label',
    'Graph canvas. Arrow keys move between neighbours, Enter opens the details, Escape clears the selection.',
  );
  canvas.addEventListener('keydown', (e) => {
    const state = store.get();
    const path = data.pathsFor(state.trace)?.[state.trace.path ?? 0];
    if (path && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      const step = Math.max(
        0,
        Math.min(path.length - 1, state.trace.step + (e.key === 'ArrowRight' ? 1 : -1)),
      );
      glance(app, (s) => actions.step(s, step), `Step ${step + 1} of ${path.length}`);
      return;
    }
    const direction = DIRECTIONS[e.key];
    if (direction) {
      e.preventDefault();
      const here = state.selected && !state.selected.startsWith('rel:') ? state.selected : null;
      const next = here ? graph.neighbourToward(here, ...direction) : graph.firstNode();
      if (!next) return;
      glance(app, (s) => actions.select(s, next), data.entities.get(next)?.name ?? next);
      graph.reveal(next);
    } else if (e.key === 'Enter' && state.selected) {
      e.preventDefault();
      glance(app, (s) => ({ ...s, panel: 'details' }));
      document.getElementById('details')?.focus();
    } else if (e.key === 'Escape') {
      glance(app, (s) => actions.select(s, null));
    }
  });
}
