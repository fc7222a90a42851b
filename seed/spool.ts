import { once } from 'node:events';
import fs from 'node:fs';

const FLUSH_BYTES = 1 << 20;

/** A file written in chunks of about a megabyte, waiting for the disk when it lags. */
export class BufferedFile {
  private buffer = '';
  private readonly out: fs.WriteStream;

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file);
  }

  async append(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_BYTES) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'close');
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

/**
 * Rows kept on disk between the check of a file and the write into Neo4j, one JSON document
 * per line: the import holds a batch in memory, never the whole graph.
 */
export class Spool {
  count = 0;
  private readonly out: BufferedFile;

  constructor(readonly file: string) {
    this.out = new BufferedFile(file);
  }

  async write(row: unknown): Promise<void> {
    this.count += 1;
    await this.out.append(JSON.stringify(row) + '\n');
  }

  close(): Promise<void> {
    return this.out.close();
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
}
