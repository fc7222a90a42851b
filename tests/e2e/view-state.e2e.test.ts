import fs from 'node:fs';
import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { clickElement, cyEval } from './support/cy';
import {
  maxSteps,
  runTrace,
  searchAndPick,
  selectedIds,
  settled,
  viewState,
  visibleIds,
  waitUpTo,
} from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;
type Page = import('playwright-core').Page;
const onPath = (page: Page) =>
  cyEval(
    page,
    (cy) =>
      cy
        .$('.on-path')
        .map((e) => e.id())
        .sort(),
    null,
  );
/** The from/to years typed into the timeline, as the user reads them back. */
const years = async (page: Page) => [
  await page.getByTestId('timeline-from').inputValue(),
  await page.getByTestId('timeline-to').inputValue(),
];
const setYears = async (page: Page, from: string, to: string) => {
  await page.getByTestId('timeline-from').fill(from);
  await page.getByTestId('timeline-to').fill(to);
  await page.getByTestId('timeline-to').dispatchEvent('change');
  await settled(page);
};
const pathShown = (page: Page) => async () => (await page.getByTestId('path-item').count()) > 0;

// Issue 11's defects, each as a user hit it, through what the user sees and does: the page,
// its URL, the canvas (window.cy) and the keyboard. Each was run on e550267, where it fails
// at the defect (docs/issue-11-defect-tests.md).
describe('one view state: shared, undone, restored', () => {
  let explorer: Explorer;
  // Starting the app, a browser and warming a fresh Neo4j takes long on a busy machine.
  beforeAll(async () => {
    explorer = await startExplorer();
  }, 180_000);
  afterAll(() => explorer.stop());

  it('1: a shared link keeps the trace, its options, the chosen path, pins, layout and range', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'Moon Jae-in');
    await page.getByTestId('focus').click();
    await settled(page);
    await page.getByTestId('expand').click();
    await settled(page);
    await runTrace(page, 'Moon Jae-in', 'intelligence-sharing pact', { max: 5, avoidHubs: true });
    const items = page.getByTestId('path-item');
    const pick = (await items.count()) > 1 ? 1 : 0;
    await items.nth(pick).click();
    await settled(page);
    await setYears(page, '2012', '2017');
    const highlighted = await onPath(page);
    const link = page.url();

    const again = await openPage(explorer.browser, link);
    await waitUpTo(pathShown(again.page));
    await settled(again.page);
    expect(await again.page.getByTestId('trace-from').inputValue()).toBe('Moon Jae-in');
    expect(await again.page.getByTestId('trace-to').inputValue()).toMatch(
      /intelligence-sharing pact/,
    );
    expect(await again.page.getByLabel('Avoid hubs').isChecked()).toBe(true);
    expect(await maxSteps(again.page).inputValue()).toBe('5');
    expect(await onPath(again.page)).toEqual(highlighted);
    expect(await years(again.page)).toEqual(['2012', '2017']);
    expect(new URL(again.page.url()).searchParams.get('from')).toBe('moon-jae-in');
    expect(new URL(again.page.url()).searchParams.get('path')).toBe(String(pick));
    // And, behind what the page shows, the same view state.
    expect(await viewState(again.page)).toEqual(await viewState(page));
    expect([...problems, ...again.problems]).toEqual([]);
    await again.close();
    await close();
  });

  it('1c: a shared link keeps the layout, pins, hidden nodes and kind filters', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('layout-select').selectOption('circle');
    await settled(page);
    const details = (name: string) =>
      page.getByTestId('details-panel').getByRole('heading', { name, exact: true }).waitFor();
    await searchAndPick(page, 'Shinzo Abe');
    await details('Shinzo Abe');
    await page.getByTestId('pin').click();
    await settled(page);
    await searchAndPick(page, 'China');
    await details('China');
    await page.getByTestId('hide').click();
    await settled(page);
    await page.getByTestId('legend-PUBLICATION').uncheck();
    await settled(page);
    const shown = await visibleIds(page);
    expect(shown).not.toContain('china');
    const link = page.url();

    const again = await openPage(explorer.browser, link);
    expect(await again.page.getByTestId('layout-select').inputValue()).toBe('circle');
    expect(await again.page.getByTestId('legend-PUBLICATION').isChecked()).toBe(false);
    expect(await visibleIds(again.page)).toEqual(shown);
    await searchAndPick(again.page, 'Shinzo Abe');
    expect(await again.page.getByTestId('pin').textContent()).toBe('Unpin');
    expect([...problems, ...again.problems]).toEqual([]);
    await again.close();
    await close();
  });

  it('1b: a share link after "pick path" puts every node exactly where it was', async () => {
    const positions = (page: Page) =>
      cyEval(
        page,
        (cy) =>
          Object.fromEntries(
            cy.nodes().map((n) => {
              const p = (n as import('cytoscape').NodeSingular).position();
              return [n.id(), [Math.round(p.x), Math.round(p.y)]];
            }),
          ),
        null,
      );
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'Moon Jae-in');
    await page.getByTestId('expand').click();
    await settled(page);
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    await page.getByTestId('path-item').nth(1).click();
    await settled(page);
    await setYears(page, '2012', '2017');
    const before = await positions(page);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const link = page.url();
    await close();

    const again = await openPage(explorer.browser, link);
    await waitUpTo(pathShown(again.page));
    await settled(again.page);
    expect(await positions(again.page)).toEqual(before);
    expect([...problems, ...again.problems]).toEqual([]);
    await again.close();
  });

  it('2: Undo takes an expansion out of the URL too, and Back moves between views in the app', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    const expanded = () => new URL(page.url()).searchParams.get('expanded') ?? '';
    // Focus shows Moon Jae-in with a first batch of neighbours; expanding one of them adds more.
    await searchAndPick(page, 'Moon Jae-in');
    await page.getByTestId('focus').click();
    await page.waitForURL(/expanded=/);
    await settled(page);
    const focused = await visibleIds(page);
    // The best-connected neighbour on the canvas, clicked with the mouse, is expanded.
    const hub = await cyEval(
      page,
      (cy) =>
        cy
          .nodes()
          .not('#moon-jae-in')
          .sort((a, b) => b.data('degree') - a.data('degree') || (a.id() < b.id() ? -1 : 1))
          .first()
          .id(),
      null,
    );
    await clickElement(page, hub);
    await page.getByTestId('details-panel').getByTestId('expand').waitFor();
    const before = expanded();
    await page.getByTestId('expand').click();
    await page.waitForURL((url) => url.searchParams.get('expanded') !== before);
    await settled(page);
    const grown = await visibleIds(page);
    expect(grown.length).toBeGreaterThan(focused.length);
    expect(expanded()).toContain(hub);
    await page.getByTestId('undo').click();
    await settled(page);
    expect(expanded()).not.toContain(hub);
    expect(await visibleIds(page)).toEqual(focused);
    await page.getByTestId('redo').click();
    await settled(page);
    expect(expanded()).toContain(hub);
    // Ctrl+Z on the page does the same as the button.
    await page.locator('#cy').focus();
    await page.keyboard.press('Control+z');
    await settled(page);
    expect(expanded()).not.toContain(hub);
    // Reopening the link shows what was undone as undone.
    const reopened = await openPage(explorer.browser, page.url());
    expect(await visibleIds(reopened.page)).toEqual(focused);
    await reopened.close();
    // Back stays in the app and shows the previous view.
    await page.getByTestId('expand').click();
    await page.waitForURL((url) => (url.searchParams.get('expanded') ?? '').includes(hub));
    await settled(page);
    await page.goBack();
    await settled(page);
    expect(page.url()).toContain(explorer.server.url);
    expect(expanded()).not.toContain(hub);
    expect(await visibleIds(page)).toEqual(focused);
    expect(problems).toEqual([]);
    await close();
  });

  it('3: a new trace clears the old highlight and details', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    await page.getByTestId('path-item').first().click();
    await settled(page);
    const abePath = await onPath(page);
    await runTrace(page, 'Moon Jae-in', 'intelligence-sharing pact');
    const moonPath = await onPath(page);
    expect(moonPath).toContain('moon-jae-in');
    expect(moonPath).not.toContain('shinzo-abe');
    expect(moonPath).not.toEqual(abePath);
    expect(await page.getByTestId('details-panel').textContent()).toContain('Click a node');
    expect(problems).toEqual([]);
    await close();
  });

  it('3b: a node picked by search after a trace is selected and not dimmed', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    await page.getByTestId('path-item').first().click();
    await settled(page);
    const path = await onPath(page);
    expect(path).not.toContain('yohei-kono');
    await searchAndPick(page, 'Yohei Kono');
    expect(await selectedIds(page)).toEqual(['yohei-kono']);
    const kono = await cyEval(
      page,
      (cy) => {
        const node = cy.getElementById('yohei-kono');
        return { selected: node.selected(), faded: node.hasClass('faded') };
      },
      null,
    );
    expect(kono).toEqual({ selected: true, faded: false });
    expect(await page.getByTestId('details-panel').locator('h2').textContent()).toContain('Kono');
    // The trace stays drawn: picking a node is not a new view.
    expect(await onPath(page)).toEqual(path);
    expect(problems).toEqual([]);
    await close();
  });

  it('14: Enter in the From/To fields runs the trace, and its first path is drawn beside the canvas', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('trace-from').fill('Shinzo Abe');
    await page.getByTestId('trace-to').fill('Dokdo');
    await maxSteps(page).fill('3');
    await page.getByTestId('trace-to').press('Enter');
    await waitUpTo(pathShown(page));
    expect(await page.getByTestId('path-item').count()).toBeGreaterThan(0);
    await settled(page);
    // The first path is drawn as soon as results arrive, and the step box is on the canvas.
    expect((await onPath(page)).length).toBeGreaterThan(2);
    const step = await page.getByTestId('path-step').boundingBox();
    const canvas = await page.locator('#cy').boundingBox();
    expect(step!.y + step!.height).toBeLessThanOrEqual(canvas!.y + canvas!.height);
    expect(step!.x).toBeGreaterThanOrEqual(canvas!.x);
    // Enter in From runs it too.
    await page.getByTestId('trace-from').fill('Moon Jae-in');
    await page.getByTestId('trace-from').press('Enter');
    await page
      .getByTestId('path-item')
      .getByText(/Moon Jae-in/)
      .first()
      .waitFor();
    expect(problems).toEqual([]);
    await close();
  });

  it('9: an out-of-range max steps is refused with a message, not run as another number', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    const refusal = page.getByText(/Max steps must be a whole number from 1 to 6/);
    await page.getByTestId('trace-from').fill('Shinzo Abe');
    await page.getByTestId('trace-to').fill('Dokdo');
    for (const steps of ['9', '0']) {
      await maxSteps(page).fill(steps);
      await page.getByTestId('trace-run').click();
      // Whatever the app does with it shows: a message or a list of paths.
      await page.locator('[data-testid="path-item"]').or(refusal).first().waitFor();
      expect({ steps, paths: await page.getByTestId('path-item').count() }).toEqual({
        steps,
        paths: 0,
      });
      expect(await refusal.isVisible()).toBe(true);
      expect(await onPath(page)).toEqual([]);
    }
    await maxSteps(page).fill('3');
    await page.getByTestId('trace-run').click();
    await page.getByTestId('path-item').first().waitFor();
    expect(await refusal.count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('10a: "More…" goes away with Collapse', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'Japan');
    await page.getByTestId('focus').click();
    await page.getByTestId('expand-more').waitFor();
    await page.getByTestId('collapse').click();
    await settled(page);
    expect(await page.getByTestId('expand-more').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('10b: a tooltip goes with its node when the node is hidden', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'China');
    const box = await page.locator('#cy').boundingBox();
    const at = await cyEval(page, (cy) => cy.getElementById('china').renderedPosition(), null);
    await page.mouse.move(box!.x + at.x, box!.y + at.y);
    await page.locator('#tooltip').waitFor();
    await page.getByTestId('hide').click();
    await settled(page);
    expect(await page.locator('#tooltip').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('10c: after Undo then Hide the status says what was hidden, and search keeps no old name', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'Japan');
    await page.getByTestId('hide').click();
    await settled(page);
    await page.getByTestId('undo').click();
    await settled(page);
    expect(await page.locator('#status').textContent()).toContain('Undone');
    await searchAndPick(page, 'China');
    expect(await page.getByTestId('search-input').inputValue()).toBe('China');
    await page.getByTestId('hide').click();
    await settled(page);
    expect(await page.locator('#status').textContent()).toMatch(/^Hid China\./);
    // The search box does not keep a name that is no longer the selection.
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it('13: Open… restores the trace, selection, range and URL of a saved view', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    await setYears(page, '1990', '2020');
    await searchAndPick(page, 'Kono');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const saved = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    const positions = (p: Page) =>
      cyEval(
        p,
        (cy) => cy.nodes().map((n) => [n.id(), (n as import('cytoscape').NodeSingular).position()]),
        null,
      );
    const before = {
      path: await onPath(page),
      selected: await selectedIds(page),
      heading: await page.getByTestId('details-panel').locator('h2').textContent(),
      positions: await positions(page),
    };
    const url = new URL(page.url()).search;

    const fresh = await openPage(explorer.browser, explorer.server.url);
    const file = `${fs.mkdtempSync('/tmp/tracegraph-view-')}/view.json`;
    fs.writeFileSync(file, JSON.stringify(saved));
    await fresh.page.locator('#toolbar input[type=file]').setInputFiles(file);
    await waitUpTo(pathShown(fresh.page));
    await settled(fresh.page);
    expect(await fresh.page.getByTestId('trace-from').inputValue()).toBe('Shinzo Abe');
    expect(await onPath(fresh.page)).toEqual(before.path);
    expect(await selectedIds(fresh.page)).toEqual(before.selected);
    expect(await fresh.page.getByTestId('details-panel').locator('h2').textContent()).toBe(
      before.heading,
    );
    expect(await years(fresh.page)).toEqual(['1990', '2020']);
    expect(new URL(fresh.page.url()).search).toBe(url);
    expect(await positions(fresh.page)).toEqual(before.positions);
    // And, behind what the page shows, the same view state.
    expect(await viewState(fresh.page)).toEqual(await viewState(page));
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.close();
    await close();
  });

  it('8: the timeline says how undated entities are counted, and the status agrees with it', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await setYears(page, '1910', '1925');
    const counts = async () => {
      const label = (await page.getByTestId('timeline-range').textContent()) ?? '';
      const [, shown, total] = /: (\d+) of (\d+) entities/.exec(label) ?? [];
      return { label, shown, total, status: (await page.locator('#status').textContent()) ?? '' };
    };
    // By default undated entities are shown, and the label says so; the status counts the same.
    let now = await counts();
    expect(now.status).toContain(`${now.shown} of ${now.total} entities`);
    expect(now.label).toContain('undated entities shown');
    // The user's other choice: hidden. Moon Jae-in (undated) goes, and few are left in 1910–1925.
    await page.getByLabel('Undated entities').selectOption('hide');
    await settled(page);
    now = await counts();
    expect(now.label).toContain('undated entities hidden');
    expect(Number(now.shown)).toBeLessThan(20);
    expect(
      await cyEval(page, (cy) => cy.getElementById('moon-jae-in').hasClass('hidden'), null),
    ).toBe(true);
    expect(now.status).toContain(`${now.shown} of ${now.total} entities`);
    expect(problems).toEqual([]);
    await close();
  });

  it('12: drawing query results shows them alone, fitted, and in the URL', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('query-tab').click();
    await page.locator('.graphiql-container').waitFor();
    // Run the example search; a click before GraphiQL is ready does nothing, so run it again.
    const result = page.locator('.result-window').getByText('"score"').first();
    for (let attempt = 0; attempt < 10 && !(await result.isVisible()); attempt++) {
      await page.locator('.graphiql-execute-button').click();
      await waitUpTo(() => result.isVisible(), 3000);
    }
    await page.getByTestId('draw-results').click();
    await settled(page);
    const ids = await visibleIds(page);
    expect(ids).toContain('liancourt-rocks');
    expect(ids.filter((id) => !id.startsWith('rel:')).length).toBeLessThan(12);
    expect(new URL(page.url()).searchParams.get('query')).toContain('liancourt-rocks');
    const inView = await cyEval(
      page,
      (cy) => {
        const e = cy.extent();
        return cy.nodes().every((n) => {
          const p = (n as import('cytoscape').NodeSingular).position();
          return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2;
        });
      },
      null,
    );
    expect(inView).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('11: focus and expand refit the view so every node is on screen', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'Japan');
    await page.getByTestId('focus').click();
    await settled(page);
    await page.getByTestId('expand-more').click();
    await settled(page);
    const outside = await cyEval(
      page,
      (cy) => {
        const e = cy.extent();
        return cy.nodes().filter((n) => {
          const p = n.position();
          return p.x < e.x1 || p.x > e.x2 || p.y < e.y1 || p.y > e.y2;
        }).length;
      },
      null,
    );
    expect(outside).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('15: the pause button is a drawn icon, not a missing glyph', async () => {
    const { page, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('timeline-play').click();
    // Debian's Chromium has no font with U+23F8: as text it is an empty box.
    expect(await page.getByTestId('timeline-play').textContent()).not.toContain('⏸');
    expect(await page.getByTestId('timeline-play').locator('svg path').count()).toBe(2);
    expect(await page.getByTestId('timeline-play').getAttribute('aria-label')).toBe('Pause');
    await page.getByTestId('timeline-play').click();
    await close();
  });

  it('6: pin + Concentric puts the selected node in the middle', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    // Abe is dragged to the canvas's top-left corner, as a user arranging the view does, and pinned.
    await clickElement(page, 'shinzo-abe');
    const box = (await page.locator('#cy').boundingBox())!;
    const at = await cyEval(page, (cy) => cy.getElementById('shinzo-abe').renderedPosition(), null);
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.mouse.down();
    await page.mouse.move(box.x + 40, box.y + 40, { steps: 10 });
    await page.mouse.up();
    const dragged = await cyEval(
      page,
      (cy) => cy.getElementById('shinzo-abe').renderedPosition(),
      null,
    );
    expect(Math.max(Math.abs(dragged.x - 40), Math.abs(dragged.y - 40))).toBeLessThan(20);
    await page.getByTestId('pin').click();
    await settled(page);
    await page.getByTestId('layout-select').selectOption('concentric');
    await settled(page);
    const where = await cyEval(
      page,
      (cy) => {
        const p = cy.getElementById('shinzo-abe').renderedPosition();
        return { x: p.x / cy.width(), y: p.y / cy.height() };
      },
      null,
    );
    expect(Math.abs(where.x - 0.5)).toBeLessThan(0.15);
    expect(Math.abs(where.y - 0.5)).toBeLessThan(0.15);
    expect(problems).toEqual([]);
    await close();
  });
});
