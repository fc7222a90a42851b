import fs from 'node:fs';

const FLUSH_CHARS = 1 << 20;

/**
 * A file written in chunks of about a megabyte. Writes are synchronous: the check pass
 * formats a whole chunk of the input without waiting per row, and a megabyte goes to the
 * page cache in about a millisecond.
 */
export class BufferedFile {
  private buffer = '';
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  append(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const data = Buffer.from(this.buffer);
    this.buffer = '';
    for (let done = 0; done < data.length;) done += fs.writeSync(this.fd, data, done);
  }
}

/** Where the check pass puts the rows of a section (seed/load.ts checkGraph). */
export interface RowSink<T> {
  write(row: T): void;
  close(): void;
}

/**
 * Rows kept on disk between the check of a file and the write into Neo4j, one JSON document
 * per line: the import holds a batch in memory, never the whole graph.
 */
export class Spool<T> implements RowSink<T> {
  count = 0;
  private readonly out: BufferedFile;

  constructor(readonly file: string) {
    this.out = new BufferedFile(file);
  }

  write(row: T): void {
    this.count += 1;
    this.out.append(JSON.stringify(row) + '\n');
  }

  close(): void {
    this.out.close();
  }

  /** The rows again, `size` at a time, in the order they were written. */
  async *batches(size: number): AsyncGenerator<T[]> {
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
