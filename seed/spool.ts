import { once } from 'node:events';
import fs from 'node:fs';

const FLUSH_BYTES = 1 << 20;

/**
 * Rows kept on disk between the check of a file and the write into Neo4j, one JSON document
 * per line: the import holds a batch in memory, never the whole graph.
 */
export class Spool {
  count = 0;
  private buffer = '';
  private readonly out: fs.WriteStream;

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file);
  }

  async write(row: unknown): Promise<void> {
    this.buffer += JSON.stringify(row) + '\n';
    this.count += 1;
    if (this.buffer.length >= FLUSH_BYTES) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'close');
  }

  /** The rows again, `size` at a time, in the order they were written. */
  async *batches<T>(size: number): AsyncGenerator<T[]> {
    let rest = '';
    let batch: T[] = [];
    const input = fs.createReadStream(this.file, { encoding: 'utf8', highWaterMark: 1 << 20 });
    for await (const chunk of input as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        batch.push(JSON.parse(line) as T);
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
