/**
 * A small typed store: the current value, `commit` / `update`, `subscribe`, and a history
 * that undo and redo walk. Values are treated as immutable; a commit that changes nothing
 * is not recorded.
 */

/** Why the value changed, so subscribers can tell a new view from a step through history. */
export type ChangeSource = 'action' | 'transient' | 'undo' | 'redo' | 'navigate' | 'open';

export interface Change<S> {
  previous: S;
  source: ChangeSource;
  /** What the user did, for the status line ("Expanded Japan"). */
  label: string;
}

type Subscriber<S> = (value: S, change: Change<S>) => void;

export class Store<S> {
  private past: S[] = [];
  private future: S[] = [];
  private readonly subscribers: Subscriber<S>[] = [];

  constructor(
    private value: S,
    private readonly equal: (a: S, b: S) => boolean = (a, b) => a === b,
    private readonly limit = 200,
  ) {}

  get(): S {
    return this.value;
  }

  subscribe(subscriber: Subscriber<S>): () => void {
    this.subscribers.push(subscriber);
    return () => this.subscribers.splice(this.subscribers.indexOf(subscriber), 1);
  }

  /**
   * Makes `next` current. `action` (the default) and `open` and `navigate` are recorded for
   * undo; `transient` (selection, the open panel) is not.
   */
  commit(next: S, label = '', source: ChangeSource = 'action'): boolean {
    if (this.equal(next, this.value)) return false;
    const previous = this.value;
    if (source !== 'transient') {
      this.past.push(previous);
      if (this.past.length > this.limit) this.past.shift();
      this.future = [];
    }
    this.value = next;
    this.notify({ previous, source, label });
    return true;
  }

  update(transition: (value: S) => S, label = '', source: ChangeSource = 'action'): boolean {
    return this.commit(transition(this.value), label, source);
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }

  canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): boolean {
    const previous = this.past.pop();
    if (previous === undefined) return false;
    this.future.push(this.value);
    return this.move(previous, 'undo');
  }

  redo(): boolean {
    const next = this.future.pop();
    if (next === undefined) return false;
    this.past.push(this.value);
    return this.move(next, 'redo');
  }

  private move(next: S, source: ChangeSource): boolean {
    const previous = this.value;
    this.value = next;
    this.notify({ previous, source, label: source === 'undo' ? 'Undone' : 'Redone' });
    return true;
  }

  private notify(change: Change<S>): void {
    for (const subscriber of [...this.subscribers]) subscriber(this.value, change);
  }
}
