import fs from 'node:fs';
import path from 'node:path';
import graphJson from '../../seed/graph.json';
import type { GraphFile } from '../../seed/types';

// Checks the default dataset against the article it is built from. The article is not part of
// the project (its text must not be copied here): CI keeps it beside the clone, in
// ../shared/seed-documents/ (TRACEGRAPH_SEED_DOCUMENTS may point elsewhere). A user's clone
// does not have it, and these checks are skipped with a message saying so.
const ARTICLE = path.join(
  process.env.TRACEGRAPH_SEED_DOCUMENTS ??
    path.resolve(__dirname, '..', '..', '..', 'shared', 'seed-documents'),
  '000_622e5e68784217bc.txt',
);
const graph = graphJson as unknown as GraphFile;
const items = [...graph.entities, ...graph.relations];
const present = fs.existsSync(ARTICLE);
if (!present) {
  console.warn(`Skipping the article checks of the default dataset: ${ARTICLE} is absent.`);
}

/** Paragraph n (1-based): the non-empty lines between the title line and the closing line. */
function paragraphs(): string[] {
  const lines = fs
    .readFileSync(ARTICLE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const title = lines.indexOf('Japan-ROK Relations');
  const end = lines.findIndex((line) => line.startsWith('Join the mailing list'));
  return lines.slice(title + 1, end);
}

/** The years a text gives: "1965", and each year of a decade it names ("the 1980s"). */
function yearsIn(text: string): Set<string> {
  const years = new Set(text.match(/\b(1[89]|20)\d\d\b/g) ?? []);
  for (const [, decade] of text.matchAll(/\b((?:1[89]|20)\d)0s\b/g)) {
    for (let i = 0; i < 10; i++) years.add(`${decade}${i}`);
  }
  return years;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

(present ? describe : describe.skip)('the default dataset, read against the article', () => {
  const text = present ? paragraphs() : [];
  const cited = (item: (typeof items)[number]) =>
    item.sources.flatMap((s) => s.paragraphs).map((p) => text[p - 1] ?? '');

  it('finds the 19 paragraphs the citations number', () => {
    expect(text).toHaveLength(19);
    expect(text[0]).toMatch(/^Although neighbors/);
    expect(text[18]).toMatch(/^Moon also addressed/);
  });

  it('dates nothing in a year its cited paragraphs do not give', () => {
    const bad = items.flatMap((item) => {
      const given = new Set(cited(item).flatMap((p) => [...yearsIn(p)]));
      return (['start', 'end'] as const)
        .filter((field) => item[field] !== undefined && !given.has(item[field]!.slice(0, 4)))
        .map((field) => `${item.id}.${field} = ${item[field]}`);
    });
    expect(bad).toEqual([]);
  });

  it('quotes only terms the article has, and copies no run of eight words from it', () => {
    const article = text.join(' ').toLowerCase();
    const runs = new Set<string>();
    for (const paragraph of text) {
      const w = words(paragraph);
      for (let i = 0; i + 8 <= w.length; i++) runs.add(w.slice(i, i + 8).join(' '));
    }
    const bad: string[] = [];
    for (const item of items) {
      const own = 'name' in item ? [item.name] : [item.label, item.inverseLabel];
      for (const phrase of [item.summary, ...own]) {
        if (phrase === undefined) continue;
        for (const [, quoted] of phrase.matchAll(/"([^"]+)"/g)) {
          if (!article.includes(quoted!.toLowerCase())) bad.push(`${item.id} quotes "${quoted}"`);
        }
        const w = words(phrase);
        for (let i = 0; i + 8 <= w.length; i++) {
          const run = w.slice(i, i + 8).join(' ');
          if (runs.has(run)) bad.push(`${item.id} copies "${run}"`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('uses as an alias only names the article has, unless it marks the alias as outside knowledge', () => {
    const plain = (s: string) =>
      ` ${words(s.replace(/['’]s\b/g, '').replace(/[.'’"]/g, '')).join(' ')} `;
    const article = plain(text.join(' '));
    const bad = graph.entities.flatMap((e) =>
      (e.aliases ?? [])
        .filter(
          (alias) => !article.includes(plain(alias)) && !(e.beyondSource ?? '').includes(alias),
        )
        .map((alias) => `${e.id}: ${alias}`),
    );
    expect(bad).toEqual([]);
  });
});
