import { fetchGraph } from './api';
import { sendEarly } from './first-requests';
import { opensOnOverview } from './graph/data';
import { fromQuery } from './state/url';
import { requestTimeline } from './views/timeline';
import './styles.css';

// The entry script: the first screen's requests leave now, then the explorer loads.
performance.mark('tracegraph:boot');
// Until the explorer has loaded, window.cy is nothing rather than the #cy element (the
// browser's named access): tools and tests wait for window.cy.nodes().
(window as { cy?: unknown }).cy = undefined;
// The timeline is asked for once the overview has answered, whether or not it succeeded:
// sent together, the overview (what the first screen waits for longest) waited for the
// timeline's heavier read in Neo4j and in the server's one thread.
const overview = opensOnOverview(fromQuery(window.location.search))
  ? sendEarly('overview', fetchGraph)
  : Promise.resolve();
sendEarly('timeline', () => overview.then(requestTimeline, requestTimeline));
void import('./main');
