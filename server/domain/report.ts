import { readableDate } from './chronology';
import { formatCitation } from '../../shared/citation';

/**
 * A trace as a document an analyst can hand on: the question, each path as sentences with
 * dates and citations, and the evidence paragraphs when a copy of the document is attached.
 * Pure: `npm run report` feeds it the answer to REPORT_QUERY, and so can the client.
 */
export const REPORT_QUERY = `query Report($from: ID!, $to: ID!, $maxLength: Int, $first: Int,
  $relationTypes: [String!], $avoid: [ID!], $avoidHubs: Boolean, $chronological: Boolean, $asOf: Date) {
  from: entity(id: $from) { id name }
  to: entity(id: $to) { id name }
  pathSearch(from: $from, to: $to, maxLength: $maxLength, first: $first, relationTypes: $relationTypes,
    avoid: $avoid, avoidHubs: $avoidHubs, chronological: $chronological, asOf: $asOf) {
    explanation
    paths {
      length
      hubs { name }
      hops { sentence date relation { sources { document title publisher paragraphs citation
        paragraphTexts { number text } } } }
    }
  }
}`;

export interface ReportSource {
  document: string;
  title: string | null;
  publisher: string | null;
  citation: string;
  paragraphs: number[];
  paragraphTexts: { number: number; text: string }[];
}

export interface ReportData {
  from: { id: string; name: string } | null;
  to: { id: string; name: string } | null;
  pathSearch: {
    explanation: string | null;
    paths: {
      length: number;
      hubs: { name: string }[];
      hops: { sentence: string; date: string | null; relation: { sources: ReportSource[] } }[];
    }[];
  };
}

/** The options the question was asked with, as REPORT_QUERY's variables take them. */
export interface ReportOptions {
  maxLength?: number;
  avoidHubs?: boolean;
  chronological?: boolean;
  asOf?: string | null;
  avoid?: string[];
  relationTypes?: string[] | null;
}

interface Block {
  kind: 'heading' | 'paragraph' | 'steps' | 'quote';
  text?: string;
  items?: { text: string; note: string }[];
  cite?: string;
}

function conditions(options: ReportOptions): string {
  const parts = [`at most ${options.maxLength ?? 4} steps`];
  if (options.avoidHubs) parts.push('avoiding hubs');
  if (options.avoid?.length) parts.push(`avoiding ${options.avoid.join(', ')}`);
  if (options.relationTypes?.length) parts.push(`only ${options.relationTypes.join(', ')}`);
  if (options.chronological) parts.push('steps in chronological order');
  if (options.asOf) parts.push(`the graph as of ${readableDate(options.asOf)}`);
  return parts.join('; ');
}

/** The report as a sequence of blocks, so both formats say exactly the same. */
function blocks(data: ReportData, options: ReportOptions): { title: string; body: Block[] } {
  const from = data.from?.name ?? '?';
  const to = data.to?.name ?? '?';
  const search = data.pathSearch;
  const body: Block[] = [{ kind: 'paragraph', text: `Searched with ${conditions(options)}.` }];
  if (search.explanation) body.push({ kind: 'paragraph', text: search.explanation });
  if (search.paths.length === 0) body.push({ kind: 'paragraph', text: 'No path was found.' });
  const evidence = new Map<
    string,
    { document: string; number: number; cite: string; text: string }
  >();
  search.paths.forEach((path, i) => {
    const hubs = path.hubs.length ? `, through ${path.hubs.map((h) => h.name).join(', ')}` : '';
    const steps = `${path.length} step${path.length === 1 ? '' : 's'}`;
    body.push({ kind: 'heading', text: `Path ${i + 1} (${steps}${hubs})` });
    const items = path.hops.map((hop) => {
      for (const source of hop.relation.sources) {
        for (const p of source.paragraphTexts) {
          const key = `${source.document}:${p.number}`;
          const cite = formatCitation({ id: source.document, ...source }, [p.number]);
          evidence.set(key, { document: source.document, number: p.number, cite, text: p.text });
        }
      }
      return { text: hop.sentence, note: hop.relation.sources.map((s) => s.citation).join('; ') };
    });
    body.push({ kind: 'steps', items });
  });
  if (search.paths.length > 0) {
    body.push({ kind: 'heading', text: 'Evidence' });
    if (evidence.size === 0) {
      body.push({
        kind: 'paragraph',
        text: 'No document text is attached (npm run attach -- DOCUMENT-ID FILE adds a copy).',
      });
    }
    const ordered = [...evidence.values()].sort((a, b) =>
      a.document === b.document ? a.number - b.number : a.document < b.document ? -1 : 1,
    );
    for (const quote of ordered) body.push({ kind: 'quote', text: quote.text, cite: quote.cite });
  }
  return { title: `How does ${from} connect to ${to}?`, body };
}

const escapeMarkdown = (text: string) =>
  text
    .replace(/[\\`*_[\]#|]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

export function reportMarkdown(data: ReportData, options: ReportOptions = {}): string {
  const { title, body } = blocks(data, options);
  const lines = [`# ${escapeMarkdown(title)}`, ''];
  for (const block of body) {
    if (block.kind === 'heading') lines.push(`## ${escapeMarkdown(block.text!)}`, '');
    if (block.kind === 'paragraph') lines.push(escapeMarkdown(block.text!), '');
    if (block.kind === 'steps') {
      block.items!.forEach((item, i) =>
        lines.push(`${i + 1}. ${escapeMarkdown(item.text)} — _${escapeMarkdown(item.note)}_`),
      );
      lines.push('');
    }
    if (block.kind === 'quote') {
      lines.push(`> ${escapeMarkdown(block.text!)}`, `> — ${escapeMarkdown(block.cite!)}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}.cite{color:#5b6475;font-size:.9em}
blockquote{margin:1rem 0;padding:.25rem 1rem;border-left:3px solid #c7cedb}`;

/** A standalone page: inline style, no script, nothing loaded from elsewhere (the CSP says so). */
export function reportHtml(data: ReportData, options: ReportOptions = {}): string {
  const { title, body } = blocks(data, options);
  const parts = body.map((block) => {
    if (block.kind === 'heading') return `<h2>${escapeHtml(block.text!)}</h2>`;
    if (block.kind === 'paragraph') return `<p>${escapeHtml(block.text!)}</p>`;
    if (block.kind === 'steps') {
      const items = block.items!.map(
        (item) =>
          `<li>${escapeHtml(item.text)} <span class="cite">${escapeHtml(item.note)}</span></li>`,
      );
      return `<ol>\n${items.join('\n')}\n</ol>`;
    }
    return `<blockquote><p>${escapeHtml(block.text!)}</p><footer class="cite">${escapeHtml(block.cite!)}</footer></blockquote>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${parts.join('\n')}
</body>
</html>
`;
}
