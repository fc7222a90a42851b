import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';
import type { Entity, Relation } from '../api';

const EXAMPLES = [
  {
    query: `# Search by any name or alias, typos tolerated
query SearchByAlias {
  search(text: "Dokdo") {
    score
    entity { id name kind aliases }
  }
}`,
  },
  {
    query: `# How does Lee Myung-bak connect to the Liancourt Rocks?
query LeeToLiancourtRocks {
  paths(from: "lee-myung-bak", to: "liancourt-rocks", maxLength: 5) {
    length
    narrative
    entities { id name kind }
    relations { id type label source { id } target { id } sources { document paragraphs } }
  }
}`,
  },
  {
    query: `# What happened between 2012 and 2015?
query Events2012To2015 {
  timeline(from: "2012", to: "2015-12") {
    date
    title
    relation { summary value unit }
  }
}`,
  },
];

/** Everything in a result that looks like an entity or a relation, for the canvas. */
export function collectGraph(value: unknown): { entities: Entity[]; relations: Relation[] } {
  const entities = new Map<string, Entity>();
  const relations = new Map<string, Relation>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.name === 'string' && typeof o.kind === 'string') {
      const defaults: Entity = {
        id: o.id,
        name: o.name,
        kind: o.kind as Entity['kind'],
        aliases: [],
        summary: null,
        start: null,
        end: null,
        degree: 0,
        sources: [],
        beyondSource: null,
      };
      entities.set(o.id, Object.assign(defaults, entities.get(o.id), o));
    }
    const source = o.source as { id?: string } | undefined;
    const target = o.target as { id?: string } | undefined;
    if (typeof o.id === 'string' && typeof o.type === 'string' && source?.id && target?.id) {
      const phrase = String(o.type).toLowerCase().replace(/_/g, ' ');
      const defaults: Relation = {
        id: o.id,
        type: o.type,
        label: phrase,
        inverseLabel: phrase,
        summary: null,
        start: null,
        end: null,
        value: null,
        unit: null,
        sources: [],
        source: { id: source.id },
        target: { id: target.id },
      };
      relations.set(o.id, Object.assign(defaults, o));
    }
    Object.values(o).forEach(visit);
  };
  visit(value);
  return { entities: [...entities.values()], relations: [...relations.values()] };
}

/** GraphiQL, bundled (no hosted sandbox), with the schema's docs and example operations. */
export function mountQueryTab(container: HTMLElement, draw: (result: unknown) => void): void {
  let last: unknown = null;
  const fetcher = async (params: unknown) => {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    last = await response.json();
    return last as never;
  };
  // GraphiQL's editors are CodeMirror textareas with no name: give each one its editor's
  // name so screen readers (and axe) know what they are.
  const label = () => {
    for (const [selector, name] of [
      ['.graphiql-query-editor textarea', 'Query editor'],
      [
        '.graphiql-editor-tool [aria-label="Variables"] textarea, .graphiql-editor-tool textarea',
        'Variables editor',
      ],
      ['.result-window textarea, .graphiql-response textarea', 'Result'],
    ] as const)
      container.querySelectorAll<HTMLTextAreaElement>(selector).forEach((t) => {
        if (!t.getAttribute('aria-label')) t.setAttribute('aria-label', name);
      });
    container
      .querySelectorAll<HTMLTextAreaElement>('textarea:not([aria-label])')
      .forEach((t) => t.setAttribute('aria-label', 'Editor'));
    // Its example tabs are a "tablist" whose tabs hold close buttons (interactive inside
    // interactive, and not only tabs inside the list): they become named groups instead.
    container.querySelectorAll('.graphiql-tabs[role="tablist"]').forEach((list) => {
      list.setAttribute('role', 'group');
      list.setAttribute('aria-label', 'Example operations');
    });
    container.querySelectorAll('.graphiql-tab[role="tab"]').forEach((tab) => {
      tab.setAttribute('role', 'group');
      tab.removeAttribute('aria-selected');
    });
  };
  new MutationObserver(label).observe(container, {
    childList: true,
    subtree: true,
    attributeFilter: ['role'],
  });
  window.setTimeout(label, 0);
  const root = createRoot(container);
  root.render(
    <div className="query-tab">
      <div className="query-bar">
        <button type="button" data-testid="draw-results" onClick={() => draw(last)}>
          Draw results on the canvas
        </button>
      </div>
      <GraphiQL fetcher={fetcher} defaultTabs={EXAMPLES} defaultEditorToolsVisibility={false} />
    </div>,
  );
}
