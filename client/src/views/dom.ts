import type { SourceRef } from '../api';

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

/** "globalsecurity-japan-rok-relations, paragraph 15" — one line per cited paragraph. */
export function sourceLines(sources: SourceRef[]): HTMLElement {
  const list = h('ul', { className: 'sources' });
  for (const source of sources) {
    for (const paragraph of source.paragraphs) {
      list.append(h('li', {}, `${source.document}, paragraph ${paragraph}`));
    }
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
