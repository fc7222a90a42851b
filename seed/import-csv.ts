import { BufferedFile } from './spool';

/**
 * CSV files in the form neo4j-admin's importer reads (headers such as `id:ID(Entity)`,
 * `:START_ID(Entity)`, `aliases:string[]`), written as the loader goes. Strings are always
 * quoted, so an empty string stays an empty string while a missing value (an empty field)
 * stays missing; list items are joined by ARRAY_DELIMITER, a control character that the
 * writer refuses inside an item rather than split it wrongly.
 */
export const ARRAY_DELIMITER = '\u001f';

export type ColumnType = 'string' | 'string[]' | 'long' | 'double';

export interface CsvColumn {
  /** Property name, or the header of a special column (`:START_ID(Entity)`, `:TYPE`). */
  name: string;
  /** The row field it comes from (default: name). */
  field?: string;
  type?: ColumnType;
  /** A special column (`id:ID(Entity)`, `:TYPE`): written as its header says, no type suffix. */
  raw?: boolean;
}

/** What a text field may hold that needs more than quotes around it. */
const SPECIAL = /["\r\n]/;

/** How a row's value for a column is read: by default the field of that name. */
export type FieldReader<T> = (field: string) => (row: T) => unknown;

const byName = (field: string) => (row: Record<string, unknown>) => row[field];

export class ImportCsv<T = Record<string, unknown>> {
  rows = 0;
  /** True once a value holds a line break: the importer must then read multi-line fields. */
  multiline = false;
  /** The header line, written first. */
  readonly header: string;
  private readonly out: BufferedFile;
  /** Each column's reader, made once: a row is formatted without building anything per value. */
  private readonly readers: ((row: T) => unknown)[];

  /**
   * `leading`: headers of columns the caller formats itself and gives to `write` (numbers:
   * an integer id, a relation's ends).
   */
  constructor(
    readonly file: string,
    private readonly columns: CsvColumn[],
    read: FieldReader<T> = byName as FieldReader<T>,
    leading: string[] = [],
  ) {
    this.out = new BufferedFile(file);
    const header = [
      ...leading,
      ...columns.map((c) =>
        c.raw || !c.type || c.type === 'string' ? c.name : `${c.name}:${c.type}`,
      ),
    ];
    this.header = header.join(',') + '\n';
    this.out.append(this.header);
    this.readers = columns.map((c) => read(c.field ?? c.name));
  }

  /**
   * Appends a row (fields missing or null become empty: no property); returns the line.
   * `lead`: the leading columns' values, each followed by its comma.
   */
  write(row: T, lead = ''): string {
    let line = lead;
    for (let i = 0; i < this.columns.length; i++) {
      if (i > 0) line += ',';
      line += this.cell(this.readers[i]!(row), this.columns[i]!);
    }
    line += '\n';
    this.rows += 1;
    this.out.append(line);
    return line;
  }

  close(): void {
    this.out.close();
  }

  private cell(value: unknown, column: CsvColumn): string {
    if (value === null || value === undefined) return '';
    switch (column.type) {
      case 'long':
      case 'double':
        return String(value);
      case 'string[]': {
        const items = value as unknown[];
        if (items.length === 0) return '';
        for (const item of items) {
          if (String(item).includes(ARRAY_DELIMITER)) {
            throw new Error(
              `${column.name} holds an item with the control character U+001F, which the ` +
                'offline import uses between list items; remove it, or import with --online',
            );
          }
        }
        return this.text(items.join(ARRAY_DELIMITER));
      }
      default:
        return this.text(String(value));
    }
  }

  private text(value: string): string {
    // One scan for the common case: nothing to escape, no line break.
    if (!SPECIAL.test(value)) return '"' + value + '"';
    if (value.includes('\n') || value.includes('\r')) this.multiline = true;
    return `"${value.replace(/"/g, '""')}"`;
  }
}
