import type { EntityKind } from '../shared/kinds';

/** The graph file's shape (DESIGN.md, "The graph file"); seed/graph-schema.ts checks it. */
export interface SourceRef {
  document: string;
  paragraphs: number[];
}

export interface GraphDocument {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  /** When it was published or last updated (a Date as in the API). */
  date?: string;
}

export interface GraphEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases?: string[];
  summary?: string;
  start?: string;
  end?: string;
  sources: SourceRef[];
  beyondSource?: string;
}

export interface GraphRelation {
  id: string;
  type: string;
  source: string;
  target: string;
  label?: string;
  inverseLabel?: string;
  summary?: string;
  start?: string;
  end?: string;
  value?: number;
  unit?: string;
  sources: SourceRef[];
  beyondSource?: string;
}

export interface GraphFile {
  documents: GraphDocument[];
  entities: GraphEntity[];
  relations: GraphRelation[];
}
