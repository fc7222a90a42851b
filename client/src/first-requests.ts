/**
 * The first screen's requests, sent by the entry script (boot.ts) before the explorer's code
 * (Cytoscape and the views, most of the bundle) is loaded and run, so that the server works
 * while the page does. Each early answer is handed out once; whoever asks again (a retry, a
 * later view) sends a request of its own.
 */
const sent = new Map<string, Promise<unknown>>();

export function sendEarly(name: string, send: () => Promise<unknown>): Promise<unknown> {
  const answer = send();
  // A failure is reported to whoever takes the answer, not as an unhandled rejection.
  answer.catch(() => undefined);
  sent.set(name, answer);
  return answer;
}

export function takeEarly<T>(name: string, send: () => Promise<T>): Promise<T> {
  const answer = sent.get(name) as Promise<T> | undefined;
  sent.delete(name);
  return answer ?? send();
}
