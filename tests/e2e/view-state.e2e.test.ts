import fs from 'node:fs';
import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { clickElement, cyEval } from './support/cy';
import { runTrace, searchAndPick, settled, viewState, visibleIds } from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;
const onPath = (page: import('playwright-core').Page) =>
  cyEval(
    page,
    (cy) =>
      cy
        .$('.on-path')
        .map((e) => e.id())
        .sort(),
    null,
  );

// Issue 11's defects, each as a user hit it.
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
    await page.getByTestId('timeline-from').fill('2012');
    await page.getByTestId('timeline-to').fill('2017');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await settled(page);
    const before = await viewState(page);
    const highlighted = await onPath(page);
    const link = page.url();
    await close();

    const again = await openPage(explorer.browser, link);
    await again.page.getByTestId('path-item').first().waitFor();
    await settled(again.page);
    expect(await again.page.getByTestId('trace-from').inputValue()).toBe('Moon Jae-in');
    expect(await again.page.getByTestId('trace-to').inputValue()).toMatch(
      /intelligence-sharing pact/,
    );
    expect(await again.page.getByLabel('Avoid hubs').isChecked()).toBe(true);
    expect(await again.page.getByLabel('Max steps').inputValue()).toBe('5');
    expect(await onPath(again.page)).toEqual(highlighted);
    expect(await viewState(again.page)).toEqual(before);
    expect(new URL(again.page.url()).searchParams.get('from')).toBe('moon-jae-in');
    expect(new URL(again.page.url()).searchParams.get('path')).toBe(String(pick));
    expect([...problems, ...again.problems]).toEqual([]);
    await again.close();
  });

  it('1b: a share link after "pick path" puts every node exactly where it was', async () => {
    const positions = (page: import('playwright-core').Page) =>
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
    await page.getByTestId('timeline-from').fill('2012');
    await page.getByTestId('timeline-to').fill('2017');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await settled(page);
    const before = await positions(page);
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const link = page.url();
    await close();

    const again = await openPage(explorer.browser, link);
    await again.page.getByTestId('path-item').first().waitFor();
    await settled(again.page);
    expect(await positions(again.page)).toEqual(before);
    expect([...problems, ...again.problems]).toEqual([]);
    await again.close();
  });

  it('2: Undo takes an expansion out of the URL too, and Back moves between views in the app', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'Moon Jae-in');
    const start = page.url();
    await page.getByTestId('expand').click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('expanded')).toBe('moon-jae-in');
    await page.getByTestId('undo').click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('expanded')).toBeNull();
    await page.getByTestId('redo').click();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('expanded')).toBe('moon-jae-in');
    // Ctrl+Z on the page does the same as the button.
    await page.locator('#cy').focus();
    await page.keyboard.press('Control+z');
    await settled(page);
    expect((await viewState(page)).expanded).toEqual([]);
    // Reopening the link shows what was undone as undone.
    const reopened = await openPage(explorer.browser, page.url());
    expect((await viewState(reopened.page)).expanded).toEqual([]);
    await reopened.close();
    // Back stays in the app and shows the previous view.
    await page.getByTestId('expand').click();
    await settled(page);
    await page.goBack();
    await settled(page);
    expect(page.url()).toContain(explorer.server.url);
    expect((await viewState(page)).expanded).toEqual([]);
    expect(start).toContain(explorer.server.url);
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
    expect((await viewState(page)).selected).toBe('yohei-kono');
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

  it('9, 14: Enter runs the trace; an out-of-range max steps is refused with a message', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('trace-from').fill('Shinzo Abe');
    await page.getByTestId('trace-to').fill('Dokdo');
    await page.getByLabel('Max steps').fill('9');
    await page.getByTestId('trace-to').press('Enter');
    await page.getByText('Max steps must be a whole number from 1 to 6.').waitFor();
    expect(await page.getByTestId('path-item').count()).toBe(0);
    expect((await viewState(page)).trace.path).toBeNull();
    await page.getByLabel('Max steps').fill('3');
    await page.getByTestId('trace-to').press('Enter');
    await page.getByTestId('path-item').first().waitFor();
    await settled(page);
    // The first path is drawn as soon as results arrive, and the step box is on the canvas.
    expect((await onPath(page)).length).toBeGreaterThan(2);
    const step = await page.getByTestId('path-step').boundingBox();
    const canvas = await page.locator('#cy').boundingBox();
    expect(step!.y + step!.height).toBeLessThanOrEqual(canvas!.y + canvas!.height);
    expect(step!.x).toBeGreaterThanOrEqual(canvas!.x);
    expect(problems).toEqual([]);
    await close();
  });

  it('10: no stale tooltip, More…, status or search text after hide, collapse and selection', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await searchAndPick(page, 'Japan');
    await page.getByTestId('expand').click();
    await settled(page);
    await page.getByTestId('expand-more').waitFor();
    await page.getByTestId('collapse').click();
    await settled(page);
    expect(await page.getByTestId('expand-more').count()).toBe(0);
    await page.getByTestId('undo').click();
    await settled(page);
    expect(await page.locator('#status').textContent()).toContain('Undone');
    // Hover a node, then hide it: its tooltip goes with it, and the status says what happened.
    await searchAndPick(page, 'China');
    expect(await page.getByTestId('search-input').inputValue()).toBe('China');
    const box = await page.locator('#cy').boundingBox();
    const at = await cyEval(page, (cy) => cy.getElementById('china').renderedPosition(), null);
    await page.mouse.move(box!.x + at.x, box!.y + at.y);
    await page.locator('#tooltip').waitFor();
    await page.getByTestId('hide').click();
    await settled(page);
    expect(await page.locator('#tooltip').isHidden()).toBe(true);
    expect(await page.locator('#status').textContent()).toMatch(/^Hid China\./);
    // The search box does not keep a name that is no longer the selection.
    expect(await page.getByTestId('search-input').inputValue()).toBe('');
    expect(problems).toEqual([]);
    await close();
  });

  it('13: Open… restores the trace, selection, range and URL of a saved view', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    await page.getByTestId('timeline-from').fill('1990');
    await page.getByTestId('timeline-to').fill('2020');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await settled(page);
    await searchAndPick(page, 'Kono');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-json').click(),
    ]);
    const saved = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    const state = await viewState(page);
    const positions = await cyEval(
      page,
      (cy) => cy.nodes().map((n) => [n.id(), (n as import('cytoscape').NodeSingular).position()]),
      null,
    );
    const url = new URL(page.url()).search;
    await close();

    const fresh = await openPage(explorer.browser, explorer.server.url);
    const file = `${fs.mkdtempSync('/tmp/tracegraph-view-')}/view.json`;
    fs.writeFileSync(file, JSON.stringify(saved));
    await fresh.page.locator('#toolbar input[type=file]').setInputFiles(file);
    await fresh.page.getByTestId('path-item').first().waitFor();
    await settled(fresh.page);
    expect(await viewState(fresh.page)).toEqual(state);
    expect(new URL(fresh.page.url()).search).toBe(url);
    expect(
      await cyEval(
        fresh.page,
        (cy) => cy.nodes().map((n) => [n.id(), (n as import('cytoscape').NodeSingular).position()]),
        null,
      ),
    ).toEqual(positions);
    expect(await fresh.page.getByTestId('trace-from').inputValue()).toBe('Shinzo Abe');
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.close();
  });

  it('8: the timeline handles undated entities as chosen, and the status agrees with it', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('timeline-from').fill('1910');
    await page.getByTestId('timeline-to').fill('1925');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await settled(page);
    await page.getByTestId('timeline-undated').selectOption('hide');
    await settled(page);
    const label = (await page.getByTestId('timeline-range').textContent()) ?? '';
    expect(label).toContain('undated entities hidden');
    const [, shown] = /: (\d+) of (\d+) entities/.exec(label) ?? [];
    expect(Number(shown)).toBeLessThan(20);
    expect(
      await cyEval(page, (cy) => cy.getElementById('moon-jae-in').hasClass('hidden'), null),
    ).toBe(true);
    expect(await page.locator('#status').textContent()).toContain(`${shown} of `);
    expect(problems).toEqual([]);
    await close();
  });

  it('12: drawing query results shows them alone, fitted, and in the URL', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('query-tab').click();
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('"score"').first().waitFor();
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
    expect(await page.getByTestId('timeline-play').getAttribute('aria-label')).toBe('Pause');
    expect(await page.getByTestId('timeline-play').locator('svg path').count()).toBe(2);
    expect(await page.getByTestId('timeline-play').textContent()).not.toContain('⏸');
    await page.getByTestId('timeline-play').click();
    await close();
  });

  it('6: pin + Concentric puts the selected node in the middle', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await clickElement(page, 'shinzo-abe');
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
