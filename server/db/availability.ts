import { EventEmitter } from 'node:events';
import createDebug from 'debug';
import { DatabaseUnavailableError } from './errors';

const log = createDebug('tracegraph:db');

export interface AvailabilityState {
  up: boolean;
  /** Why it is down (absent while up). */
  reason?: string;
  /** When the current state began (ms since the epoch). */
  since: number;
}

/**
 * A circuit breaker for one Neo4j. A connection error anywhere marks it down; from then on
 * every query fails at once instead of each waiting for its own timeout, and a background
 * probe (one `RETURN 1` every `probeMs`) marks it up again as soon as Neo4j answers.
 *
 * Emits `down` (reason) and `up`, which a pending query listens to so it need not wait either.
 */
export class Availability extends EventEmitter {
  private state: AvailabilityState = { up: true, since: Date.now() };
  private probeTimer: NodeJS.Timeout | undefined;
  private probing = false;
  private closed = false;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly probeMs = 500,
    private readonly say: (line: string) => void = (line) => log(line),
  ) {
    super();
    this.setMaxListeners(0); // one listener per query in flight
  }

  get current(): AvailabilityState {
    return { ...this.state };
  }

  get up(): boolean {
    return this.state.up;
  }

  markDown(reason: string): void {
    if (this.closed) return;
    if (!this.state.up) {
      this.state.reason = reason;
      return;
    }
    this.state = { up: false, reason, since: Date.now() };
    this.say(`Neo4j is unavailable (${reason}); answering 503 until it is back.`);
    this.emit('down', reason);
    this.scheduleProbe();
  }

  markUp(): void {
    if (this.state.up || this.closed) return;
    const seconds = ((Date.now() - this.state.since) / 1000).toFixed(1);
    this.state = { up: true, since: Date.now() };
    this.say(`Neo4j answers again (it was unavailable for ${seconds} s).`);
    this.emit('up');
  }

  /**
   * Something looked wrong without proving Neo4j gone (a query ran out of time): probe once
   * now, and mark it down if the probe fails.
   */
  suspect(): void {
    if (this.state.up && !this.probing) void this.runProbe(true);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.probeTimer);
  }

  private scheduleProbe() {
    clearTimeout(this.probeTimer);
    if (this.closed) return;
    this.probeTimer = setTimeout(() => void this.runProbe(false), this.probeMs);
    this.probeTimer.unref();
  }

  private async runProbe(once: boolean) {
    this.probing = true;
    try {
      await this.probe();
      this.markUp();
    } catch (error) {
      // A slow answer from a live Neo4j (busy, collecting garbage) does not trip the breaker:
      // only an error that says it is gone does. While down, any failure keeps it down.
      if (error instanceof DatabaseUnavailableError) this.markDown(error.reason);
    } finally {
      this.probing = false;
    }
    if (!once && !this.state.up) this.scheduleProbe();
  }
}
