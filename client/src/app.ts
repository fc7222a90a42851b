import type { GraphController } from './graph/controller';
import type { GraphData } from './graph/data';
import type { Store } from './state/store';
import type { ViewState } from './state/view-state';

/**
 * What every view gets: the view-state store to read and change, the fetched data to read,
 * and a hook called after each state has been drawn (when its data is in). Views do not
 * reach into each other's DOM; they talk through the store.
 */
export interface App {
  store: Store<ViewState>;
  data: GraphData;
  graph: GraphController;
  /** Called with the state that has just been drawn on the canvas. */
  drawn(listener: (state: ViewState) => void): void;
  /** Reports an error where the user sees it. */
  fail(error: unknown): void;
}

/** One user action: a transition of the store, labelled for the status line. */
export function act(app: App, label: string, transition: (s: ViewState) => ViewState): void {
  app.store.update(transition, label);
}

/** A change that is not worth an undo step (selection, the open panel). */
export function glance(app: App, transition: (s: ViewState) => ViewState, label = ''): void {
  app.store.update(transition, label, 'transient');
}

export const nameOf = (app: App, id: string | null): string =>
  id ? (app.data.entities.get(id)?.name ?? id) : '';
