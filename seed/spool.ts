import fs from 'node:fs';

const FLUSH_BYTES = 1 << 20;

/**
 * A file written in chunks of about a megabyte. Each text is encoded into the chunk as it
 * comes: a megabyte of text appended to one string and encoded at once was a rope of
 * thousands of pieces, and flattening it cost more than formatting the rows (2.4 s of a
 * 185 MB import). Writes are synchronous: the check pass formats a whole chunk of the input
 * without waiting per row, and a megabyte goes to the page cache in about a millisecond.
 */
export class BufferedFile {
  private buffer = Buffer.allocUnsafe(FLUSH_BYTES * 2);
  private used = 0;
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  append(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    if (this.used + most > this.buffer.length) {
      this.flush();
      if (most > this.buffer.length) this.buffer = Buffer.allocUnsafe(most);
    }
    this.used += this.buffer.write(text, this.used);
    if (this.used >= FLUSH_BYTES) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    for (let done = 0; done < this.used;) {
      done += fs.writeSync(this.fd, this.buffer, done, this.used - done);
    }
    this.used = 0;
  }
}

/** Where the check pass puts the rows of a section (seed/load.ts checkGraph). */
export interface RowSink<T> {
  /** `numbers`: the entity's number, or a relation's ends' (seed/entity-numbers.ts). */
  write(row: T, ...numbers: number[]): void;
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
