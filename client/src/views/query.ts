import { act, type App } from '../app';

/**
 * The Query tab: GraphiQL, loaded on first use in its own chunk, over the whole work area.
 * "Draw results on the canvas" shows the result's entities alone, fitted, as a view of its
 * own (in the URL like any other).
 */
export function mountQuery(panel: HTMLElement, app: App): void {
  let mounted = false;
  const sync = async () => {
    const open = app.store.get().panel === 'query';
    panel.hidden = !open;
    if (!open || mounted) return;
    mounted = true;
    const { mountQueryTab, collectGraph } = await import('./query-tab');
    mountQueryTab(panel, (result) => {
      const { entities } = collectGraph(result);
      if (entities.length === 0) {
        app.fail(new Error('The last result holds no entities to draw.'));
        return;
      }
      for (const entity of entities)
        if (!app.data.entities.has(entity.id)) app.data.entities.set(entity.id, entity);
      const ids = [...new Set(entities.map((e) => e.id))].slice(0, 200);
      act(app, `Drew ${ids.length} entities from the query`, (s) => ({
        ...s,
        query: ids,
        focus: null,
        expanded: [],
        hidden: [],
        selected: null,
        panel: 'graph',
      }));
    });
  };
  app.store.subscribe(() => void sync());
  void sync();
}
