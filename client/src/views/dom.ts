import type { Paragraph, SourceRef } from '../api';

/** Tiny element builder: h('p', { className: 'x' }, 'text', child). Text is never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(element, rest);
  if (dataset) Object.assign(element.dataset, dataset);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Offers a file for download, as a link the browser follows at once. */
export function download(name: string, blob: Blob): void {
  const link = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** The cited paragraphs whose text is known: carried by the source, or seen before. */
export function knownTexts(source: SourceRef, seen?: Map<string, string>): Paragraph[] {
  if (source.paragraphTexts) return source.paragraphTexts;
  return source.paragraphs.flatMap((number) => {
    const text = seen?.get(`${source.document}:${number}`);
    return text ? [{ number, text }] : [];
  });
}

/**
 * One citation per document, as the server words it ("Japan-ROK Relations
 * (GlobalSecurity.org), ¶ 11, 13, 15"). When text of the document is attached, the citation
 * is a disclosure that opens the paragraphs themselves (a summary is reachable by keyboard).
 */
export function citations(sources: SourceRef[], seen?: Map<string, string>): HTMLElement {
  const list = h('ul', { className: 'sources' });
  for (const source of sources) {
    const texts = knownTexts(source, seen);
    list.append(
      h(
        'li',
        { dataset: { testid: 'citation' } },
        texts.length === 0
          ? source.citation
          : h(
              'details',
              { className: 'citation' },
              h('summary', {}, source.citation),
              ...texts.map((p) =>
                h(
                  'blockquote',
                  { dataset: { testid: 'paragraph-text' } },
                  h('span', { className: 'paragraph-number' }, `¶ ${p.number}`),
                  ' ',
                  p.text,
                ),
              ),
            ),
      ),
    );
  }
  return list;
}

export function formatValue(value: number, unit: string | null): string {
  const number =
    Math.abs(value) >= 1e9
      ? `${value / 1e9} billion`
      : Math.abs(value) >= 1e6
        ? `${value / 1e6} million`
        : value.toLocaleString('en');
  return `${number} ${unit ?? ''}`.trim();
}

export function dates(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  if (start && end) return `${start} – ${end}`;
  return start ? `from ${start}` : `until ${end}`;
}
