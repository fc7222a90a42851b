import { formatCitation, mergeRefs } from '../../../shared/citation';
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

/** One line per cited document, as the API and reports cite it: "document, ¶ 11, 13, 15". */
export function sourceLines(sources: SourceRef[]): HTMLElement {
  return h(
    'ul',
    { className: 'sources' },
    ...mergeRefs(sources).map((ref) =>
      h('li', {}, formatCitation({ id: ref.document }, ref.paragraphs)),
    ),
  );
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
