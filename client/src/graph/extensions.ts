import cytoscape from 'cytoscape';

// Every Cytoscape extension is registered here, once. fCoSE and dagre come in a chunk of
// their own, loaded when a layout first needs them: the first screen draws the layout the
// server computed, and their code was a quarter of the bundle it waited for.
let loading: Promise<void> | undefined;
export function loadExtensions(): Promise<void> {
  loading ??= Promise.all([import('cytoscape-fcose'), import('cytoscape-dagre')]).then(
    ([fcose, dagre]) => {
      cytoscape.use(fcose.default);
      cytoscape.use(dagre.default);
    },
    (error: unknown) => {
      // A chunk that failed to load (the server restarting) is asked for again next time.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
