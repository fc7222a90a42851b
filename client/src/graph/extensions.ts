import cytoscape from 'cytoscape';

// Every Cytoscape extension is registered here, once. fCoSE and dagre come in a chunk of
// their own, loaded when a layout first needs them: the first screen draws the layout the
// server computed, and their code was a quarter of the bundle it waited for.
let registered = false;
let loading: Promise<void> | undefined;

/** Registers the layouts from modules the caller imported itself (see headless.ts). */
export function useExtensions(fcose: cytoscape.Ext, dagre: cytoscape.Ext): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

/** Loads and registers the layouts on first call; later calls wait for the same load. */
export function loadExtensions(): Promise<void> {
  if (registered) return Promise.resolve();
  loading ??= Promise.all([import('cytoscape-fcose'), import('cytoscape-dagre')]).then(
    ([fcose, dagre]) => useExtensions(fcose.default, dagre.default),
    (error: unknown) => {
      // A chunk that failed to load (the server restarting) is asked for again next time.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
