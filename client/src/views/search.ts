import { type Entity, gql } from '../api';
import { graphql } from '../generated/gql';
import type { App } from '../app';
import { kindStyle } from '../graph/styles';

type Hit = { score: number; entity: Entity };

/**
 * Search with autocomplete over names and aliases: type, move with ↑/↓, choose with Enter
 * (Enter without moving takes the best hit), Escape closes the list.
 */
export function mountSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  app: App,
  choose: (entity: Entity) => void,
): void {
  const onError = (message: string) => app.fail(new Error(message));
  let picked: string | null = null;
  // The box names the selection it made; once something else is selected it empties.
  app.store.subscribe((state) => {
    if (picked && state.selected !== picked) {
      picked = null;
      input.value = '';
    }
  });
  let hits: Hit[] = [];
  /** The text `hits` answer: Enter asks again only when the box says something else. */
  let hitsFor = '';
  let active = -1;
  let timer: number | undefined;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = document.createElement('li');
        item.id = `search-hit-${i}`;
        item.role = 'option';
        item.dataset.testid = 'search-option';
        item.setAttribute('aria-selected', String(i === active));
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.background = kindStyle(hit.entity.kind).color;
        const name = document.createElement('span');
        name.textContent = hit.entity.name;
        const extra = document.createElement('small');
        const alias = hit.entity.aliases.find((a) =>
          a.toLowerCase().includes(input.value.trim().toLowerCase()),
        );
        extra.textContent = ` ${kindStyle(hit.entity.kind).label}${alias && alias !== hit.entity.name ? ` · ${alias}` : ''}`;
        item.append(swatch, name, extra);
        item.addEventListener('mousedown', (e) => {
          e.preventDefault();
          pick(i);
        });
        return item;
      }),
    );
    if (hits.length === 0 && input.value.trim()) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No entity matches';
      list.replaceChildren(empty);
    }
    list.hidden = input.value.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
    input.setAttribute('aria-activedescendant', active >= 0 ? `search-hit-${active}` : '');
  };

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.entity.name;
    close();
    picked = hit.entity.id;
    choose(hit.entity);
  };

  const lookup = async () => {
    const text = input.value.trim();
    const ticket = ++asked;
    if (!text) {
      hits = [];
      hitsFor = '';
      close();
      return;
    }
    try {
      const data = await gql(
        graphql(`
          query Search($text: String!) {
            search(text: $text, first: 8) {
              score
              entity {
                ...EntityFields
              }
            }
          }
        `),
        { text: text.slice(0, 200) },
      );
      if (ticket !== asked) return; // a newer keystroke has already asked again
      hits = data.search;
      hitsFor = text;
      active = -1;
      render();
    } catch (error) {
      onError((error as Error).message);
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookup, 120);
  });
  input.addEventListener('keydown', async (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      window.clearTimeout(timer);
      // Until the pick is made the canvas counts as busy: a view that reads "idle" while the
      // hits are still being asked for would show the state before the pick.
      const release = app.graph.hold();
      try {
        if (active < 0 && hitsFor !== input.value.trim()) await lookup();
        pick(Math.max(active, 0));
      } finally {
        release();
      }
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 150));
}
