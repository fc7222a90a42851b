/**
 * Progress of a long load: a bar redrawn in place on a terminal, plain lines (every 10% and
 * at the end of each phase) otherwise, so logs and tests can follow it.
 */
export class Progress {
  private phase = '';
  private total = 0;
  private started = 0;
  private lastStep = -1;
  private lastDraw = 0;
  private percentOnly = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly tty = Boolean(process.stdout.isTTY),
  ) {}

  /** `percentOnly`: `done` is a percentage (another tool's progress), shown without counts. */
  start(phase: string, total: number, percentOnly = false): void {
    this.phase = phase;
    this.percentOnly = percentOnly;
    this.total = total;
    this.started = performance.now();
    this.lastStep = -1;
    this.update(0);
  }

  update(done: number): void {
    const share = this.total === 0 ? 1 : done / this.total;
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? `, ${Math.round(done / seconds).toLocaleString('en')}/s` : '';
    const counts = `${done.toLocaleString('en')} of ${this.total.toLocaleString('en')}${rate}`;
    const detail = this.percentOnly ? '' : ` (${counts})`;
    if (this.tty) {
      const now = performance.now();
      if (now - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(share * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      process.stdout.write(`\r${this.phase} ${bar} ${Math.floor(share * 100)}%${detail}`);
      if (done >= this.total) process.stdout.write('\n');
      return;
    }
    const step = Math.floor(share * 10);
    if (step === this.lastStep) return;
    this.lastStep = step;
    this.log(`${this.phase}: ${Math.floor(share * 100)}%${detail}`);
  }
}
