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

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export class ImportCsv {
  rows = 0;
  /** True once a value holds a line break: the importer must then read multi-line fields. */
  multiline = false;
  private readonly out: BufferedFile;
  private header: string;

  constructor(
    readonly file: string,
    private readonly columns: CsvColumn[],
  ) {
    this.out = new BufferedFile(file);
    const header = columns.map((c) =>
      c.raw || !c.type || c.type === 'string' ? c.name : `${c.name}:${c.type}`,
    );
    this.header = header.join(',') + '\n';
  }

  /** Appends a row; fields missing or null become empty (no property). */
  async write(row: Record<string, unknown>): Promise<void> {
    await this.writeFrom((column) => row[column.field ?? column.name]);
  }

  /** Appends a row whose values `value` gives column by column (no object built per row). */
  async writeFrom(value: (column: CsvColumn) => unknown): Promise<void> {
    let line = '';
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i]!;
      if (i > 0) line += ',';
      line += this.cell(value(column), column);
    }
    this.rows += 1;
    await this.out.append(this.header + line + '\n');
    this.header = '';
  }

  async close(): Promise<void> {
    if (this.header) await this.out.append(this.header);
    await this.out.close();
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
    if (!this.multiline && (value.includes('\n') || value.includes('\r'))) this.multiline = true;
    return quote(value);
  }
}
