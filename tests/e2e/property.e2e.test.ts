import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { mulberry32 as random } from '../../client/src/graph/random';
import { runTrace, searchAndPick, settled, viewState, visibleIds } from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

const NAMES = ['Japan', 'Moon Jae-in', 'Shinzo Abe', 'China', 'Dokdo', 'Park Geun-hye', 'Kono'];
const KINDS = ['EVENT', 'PERSON', 'AGREEMENT', 'STATEMENT'];
const LAYOUTS = ['fcose', 'concentric', 'dagre', 'circle'];

/** Clicks a button when it is there and enabled; says whether it did. */
async function press(page: Page, testid: string): Promise<boolean> {
  const button = page.getByTestId(testid).first();
  if ((await button.count()) === 0 || !(await button.isEnabled())) return false;
  await button.click();
  await settled(page);
  return true;
}

/** One random user action, done through the UI. */
async function act(page: Page, next: () => number, log: string[]): Promise<void> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const action = pick([
    'search',
    'expand',
    'more',
    'collapse',
    'hide',
    'pin',
    'filter',
    'layout',
    'trace',
    'path',
    'range',
    'undo',
    'redo',
  ] as const);
  log.push(action);
  switch (action) {
    case 'search':
      return searchAndPick(page, pick(NAMES));
    case 'expand':
    case 'collapse':
    case 'hide':
    case 'pin':
      return void (await press(page, action));
    case 'more':
      return void (await press(page, 'expand-more'));
    case 'undo':
    case 'redo':
      return void (await press(page, action));
    case 'filter':
      await page.getByTestId(`legend-${pick(KINDS)}`).click();
      return settled(page);
    case 'layout':
      await page.getByTestId('layout-select').selectOption(pick(LAYOUTS));
      return settled(page);
    case 'trace': {
      const [from, to] = [pick(NAMES), pick(NAMES)];
      if (from === to) return;
      await page.getByTestId('trace-from').fill(from);
      await page.getByTestId('trace-to').fill(to);
      await page.getByTestId('trace-run').click();
      // Paths, or the reason there are none.
      await page
        .locator('[data-testid="paths-list"] li:not(.hint), [data-testid="trace-explanation"]')
        .first()
        .waitFor();
      return settled(page);
    }
    case 'path': {
      const items = page.getByTestId('path-item');
      const count = await items.count();
      if (count === 0) return;
      await items.nth(Math.floor(next() * count)).click();
      return settled(page);
    }
    case 'range': {
      const start = 1950 + Math.floor(next() * 60);
      await page.getByTestId('timeline-from').fill(String(start));
      await page.getByTestId('timeline-to').fill(String(start + 1 + Math.floor(next() * 10)));
      await page.getByTestId('timeline-to').dispatchEvent('change');
      return settled(page);
    }
  }
}

describe('random sequences of actions reopen exactly (property-style)', () => {
  let explorer: Explorer;
  // Starting the app, a browser and warming a fresh Neo4j takes long on a busy machine.
  beforeAll(async () => {
    explorer = await startExplorer();
  }, 180_000);
  afterAll(() => explorer.stop());

  for (const seed of [11, 2026]) {
    it(`seed ${seed}: the share link and the saved JSON view give the same state and elements`, async () => {
      const next = random(seed);
      const log: string[] = [];
      const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
      await runTrace(page, 'Shinzo Abe', 'Dokdo');
      for (let i = 0; i < 12; i++) await act(page, next, log);
      await settled(page);
      const state = await viewState(page);
      const elements = await visibleIds(page);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-json').click(),
      ]);
      const saved = fs.readFileSync((await download.path())!, 'utf8');
      const link = page.url();
      await close();

      const shared = await openPage(explorer.browser, link);
      await settled(shared.page);
      expect({ log, state: await viewState(shared.page) }).toEqual({ log, state });
      expect(await visibleIds(shared.page)).toEqual(elements);
      await shared.close();

      const opened = await openPage(explorer.browser, explorer.server.url);
      const file = `${fs.mkdtempSync('/tmp/tracegraph-view-')}/view.json`;
      fs.writeFileSync(file, saved);
      await opened.page.locator('#toolbar input[type=file]').setInputFiles(file);
      await opened.page.waitForFunction(() =>
        document.querySelector('#status')?.textContent?.startsWith('Opened'),
      );
      await settled(opened.page);
      expect({ log, state: await viewState(opened.page) }).toEqual({ log, state });
      expect(await visibleIds(opened.page)).toEqual(elements);
      expect([...problems, ...shared.problems, ...opened.problems]).toEqual([]);
      await opened.close();
    });
  }
});
