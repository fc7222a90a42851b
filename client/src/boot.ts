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
if (opensOnOverview(fromQuery(window.location.search))) sendEarly('overview', fetchGraph);
sendEarly('timeline', requestTimeline);
void import('./main');
