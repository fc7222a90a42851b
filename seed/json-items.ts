import fs from 'node:fs';

/**
 * Reads a graph file as a stream and hands out the items of its top-level arrays one at a
 * time (`{"documents": [...], "entities": [...], "relations": [...]}`), so a file of any size
 * is read in memory bounded by its largest item.
 *
 * Why not a token-level streaming parser (stream-json): measured on a 185 MB generated file
 * (100k entities, 1M relations), stream-json alone needed 32 s to tokenize it, well over the
 * whole import budget. This splitter only tracks strings and brackets to find where each
 * item begins and ends, and leaves the parsing of each item to the native JSON.parse. Where a
 * chunk holds items of one section, it does not even scan them: one JSON.parse of the chunk up
 * to its last whole item (wholeItems) both finds and parses them. On the same file the
 * check pass took 7.1 s instead of 9.2 (Node CPU 8.4 s instead of 10.8).
 */
export type JsonItem =
  /** Parsed (`value`), or its text when it is not valid JSON (JSON.parse then says why). */
  | { kind: 'item'; section: string; index: number; value?: unknown; text?: string }
  /** A top-level field whose value is not an array (its value is skipped). */
  | { kind: 'not-array'; section: string }
  | { kind: 'section-start'; section: string }
  | { kind: 'section-end'; section: string; count: number };

export class JsonSyntaxError extends Error {}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const COLON = 58;
const isSpace = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;

/** A file whose chunks keep failing the whole-items parse (an unusual layout) is only scanned. */
const MAX_LOST_RUNS = 8;

/**
 * The items from `start` (where one begins) to the last `}` of the chunk that ends one, parsed
 * at once without the scan: the candidate ends are tried from the last `}` followed by a comma
 * back (two at most: the last may close an object inside an item). A parse of
 * `[` + slice + `]` that succeeds proves the slice is whole items: begun at an item, a slice
 * that ended inside a string or inside an item would not parse. Undefined when no candidate
 * parsed (the scan then does the chunk).
 */
function wholeItems(chunk: Buffer, start: number): { values: unknown[]; end: number } | undefined {
  let from = chunk.length - 1;
  for (let tries = 0; tries < 2; tries++) {
    const last = lastItemEnd(chunk, start, from);
    if (last < 0) return undefined;
    try {
      const values = JSON.parse(`[${chunk.toString('utf8', start, last + 1)}]`) as unknown[];
      return { values, end: last + 1 };
    } catch {
      from = last - 1;
    }
  }
  return undefined;
}

/** The last `}` before `from` (and after `start`) followed by spaces and a comma, or -1. */
function lastItemEnd(chunk: Buffer, start: number, from: number): number {
  for (let comma = chunk.lastIndexOf(COMMA, from); comma > start;) {
    let j = comma - 1;
    while (j > start && isSpace(chunk[j]!)) j -= 1;
    if (chunk[j] === CLOSE_OBJECT) return j;
    comma = chunk.lastIndexOf(COMMA, comma - 1);
  }
  return -1;
}

type State = 'start' | 'key' | 'colon' | 'value' | 'items' | 'item' | 'skip' | 'end';

/**
 * Yields the items of `file`, the items of each chunk read together (one await per chunk, not
 * per item); `onBytes` sees every chunk read (for the file's hash).
 * Throws JsonSyntaxError (with the byte offset) when the document is not valid JSON around
 * the items; a malformed item itself is yielded as text and fails in JSON.parse.
 *
 * The items that lie whole in one chunk are parsed together: one JSON.parse of the slice from
 * the first to the last (only commas and spaces lie between them), which costs about half of
 * a decode and a parse per item on a file of a million small items.
 */
export async function* readJsonItems(
  file: string,
  onBytes: (chunk: Buffer) => void = () => undefined,
  chunkBytes = 1 << 20,
): AsyncGenerator<JsonItem[]> {
  let state = 'start' as State;
  let key = '';
  let keyParts: Buffer[] = [];
  let section = '';
  let index = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let scalar = false;
  let parts: Buffer[] = [];
  let offset = 0;
  /** Whether chunks are still tried whole (wholeItems), and how many tries failed in a row. */
  let runs = true;
  let lostRuns = 0;
  const fail = (at: number, what: string): never => {
    throw new JsonSyntaxError(`not valid JSON: ${what} at byte ${offset + at}`);
  };

  for await (const chunk of fs.createReadStream(file, {
    highWaterMark: chunkBytes,
  }) as AsyncIterable<Buffer>) {
    onBytes(chunk);
    const out: JsonItem[] = [];
    /** Items whole in this chunk, not yet parsed: their section, index, start and end. */
    const run: number[] = [];
    let runSection = '';
    const flush = () => {
      if (run.length === 0) return;
      let values: unknown[] | undefined;
      try {
        values = JSON.parse(
          `[${chunk.toString('utf8', run[1], run[run.length - 1])}]`,
        ) as unknown[];
      } catch {
        // One of them is not valid JSON: each on its own, so that the checker can say which.
      }
      for (let k = 0; k < run.length; k += 3) {
        const item = { kind: 'item', section: runSection, index: run[k]! } as const;
        out.push(
          values?.length === run.length / 3
            ? { ...item, value: values[k / 3] }
            : { ...item, text: chunk.toString('utf8', run[k + 1], run[k + 2]) },
        );
      }
      run.length = 0;
    };
    /** An item that ends before `end`: queued when it lies whole in this chunk. */
    const pushItem = (end: number) => {
      if (parts.length > 0) {
        flush();
        out.push({ kind: 'item', section, index, text: itemText(end) });
        return;
      }
      if (runSection !== section) flush();
      runSection = section;
      run.push(index, itemStart, end);
    };
    let tryRun = runs;
    let itemStart = state === 'item' || state === 'skip' ? 0 : -1;
    let keyStart = state === 'key' && inString ? 0 : -1;
    /** The text of the item that ends before `end`, begun in this chunk or an earlier one. */
    const itemText = (end: number) => {
      if (parts.length === 0) return chunk.toString('utf8', itemStart, end);
      parts.push(chunk.subarray(itemStart, end));
      return Buffer.concat(parts).toString('utf8');
    };
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (state === 'item' || state === 'skip') {
        if (inString) {
          if (escaped) {
            escaped = false;
            continue;
          }
          // Most of a graph file is string content, in short strings: a plain loop to the
          // closing quote (a native search costs more per call than these few bytes).
          let j = i;
          while (j < chunk.length && chunk[j] !== QUOTE) j += chunk[j] === BACKSLASH ? 2 : 1;
          if (j >= chunk.length) {
            escaped = j > chunk.length;
            i = chunk.length;
          } else {
            inString = false;
            i = j;
          }
          continue;
        }
        if (b === QUOTE) inString = true;
        else if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth += 1;
        else if (
          scalar &&
          depth === 0 &&
          (b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT)
        ) {
          // A bare value (number, true, …) ends before the separator that follows it.
          if (state === 'item') pushItem(i);
          i -= 1;
          depth = -1;
        } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth -= 1;
        if (depth !== 0 || scalar) {
          if (depth !== -1) continue;
        } else if (state === 'item') {
          pushItem(i + 1);
        }
        if (state === 'item') {
          index += 1;
          state = 'items';
        } else state = 'key';
        parts = [];
        depth = 0;
        scalar = false;
        continue;
      }
      if (state === 'key' && inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          keyParts.push(chunk.subarray(keyStart, i));
          key = JSON.parse(`"${Buffer.concat(keyParts).toString('utf8')}"`) as string;
          keyParts = [];
          state = 'colon';
        }
        continue;
      }
      if (isSpace(b)) continue;
      switch (state) {
        case 'start':
          if (b !== OPEN_OBJECT) fail(i, 'the file must be one object');
          state = 'key';
          break;
        case 'key':
          if (b === QUOTE) {
            inString = true;
            keyStart = i + 1;
          } else if (b === CLOSE_OBJECT) state = 'end';
          else if (b !== COMMA) fail(i, 'expected a field name');
          break;
        case 'colon':
          if (b !== COLON) fail(i, 'expected ":"');
          state = 'value';
          break;
        case 'value':
          if (b === OPEN_ARRAY) {
            section = key;
            index = 0;
            state = 'items';
            flush();
            out.push({ kind: 'section-start', section });
          } else {
            flush();
            out.push({ kind: 'not-array', section: key });
            state = 'skip';
            itemStart = i;
            scalar = b !== OPEN_OBJECT;
            i -= 1;
          }
          break;
        case 'items':
          if (b === CLOSE_ARRAY) {
            flush();
            out.push({ kind: 'section-end', section, count: index });
            state = 'key';
          } else if (b !== COMMA) {
            if (b === OPEN_OBJECT && tryRun) {
              // Once a chunk, the items up to its last whole item in one parse, unscanned.
              tryRun = false;
              const whole = wholeItems(chunk, i);
              if (whole) {
                flush();
                for (const value of whole.values)
                  out.push({ kind: 'item', section, index: index++, value });
                i = whole.end - 1;
                lostRuns = 0;
                break;
              }
              if (++lostRuns === MAX_LOST_RUNS) runs = false;
            }
            state = 'item';
            itemStart = i;
            scalar = b !== OPEN_OBJECT && b !== OPEN_ARRAY;
            i -= 1;
          }
          break;
        case 'end':
          fail(i, 'unexpected text after the end');
      }
    }
    flush();
    if (state === 'item') parts.push(chunk.subarray(itemStart));
    if (state === 'key' && inString) keyParts.push(chunk.subarray(keyStart));
    offset += chunk.length;
    if (out.length > 0) yield out;
  }
  if (state !== 'end') fail(0, 'the file ends too early');
}
