import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { axeViolations, runTrace, searchAndPick, settled, viewState } from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

// Issue 11: any screen, and accessible.
describe('phone, 1024 px and accessibility', () => {
  let explorer: Explorer;
  // Starting the app, a browser and warming a fresh Neo4j takes long on a busy machine.
  beforeAll(async () => {
    explorer = await startExplorer();
  }, 180_000);
  afterAll(() => explorer.stop());

  it('7: on a phone the tab bar opens every panel, traces, and the details close with a button and Escape', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url, {
      width: 390,
      height: 844,
    });
    for (const [tab, shown] of [
      ['tab-filters', '#legend'],
      ['tab-trace', '#trace'],
      ['tab-details', '[data-testid="details-panel"]'],
      ['tab-query', '[data-testid="query-panel"]'],
      ['tab-graph', '#cy'],
    ] as const) {
      await page.getByTestId(tab).click();
      expect(await page.locator(shown).isVisible()).toBe(true);
    }
    expect(await page.getByTestId('timeline').isVisible()).toBe(false);
    await page.getByTestId('tab-filters').click();
    expect(await page.getByTestId('timeline').isVisible()).toBe(true);
    // "Trace from" on a node opens the trace panel with the field filled.
    await page.getByTestId('tab-graph').click();
    await searchAndPick(page, 'Moon Jae-in');
    await page.getByTestId('tab-details').click();
    await page.getByTestId('trace-from-here').click();
    expect(await page.getByTestId('trace-from').isVisible()).toBe(true);
    expect(await page.getByTestId('trace-from').inputValue()).toBe('Moon Jae-in');
    await runTrace(page, 'Moon Jae-in', 'intelligence-sharing pact');
    expect(await page.getByTestId('paths-list').isVisible()).toBe(true);
    await page.getByTestId('tab-graph').click();
    expect(await page.getByTestId('path-step').isVisible()).toBe(true);
    // Details: a close button and Escape, and the toolbar stays reachable.
    await page.getByTestId('tab-details').click();
    await page.getByTestId('details-panel').waitFor();
    await searchAndPick(page, 'Japan');
    await page.getByTestId('tab-details').click();
    await page.getByTestId('details-close').click();
    expect((await viewState(page)).selected).toBeNull();
    expect(await page.getByTestId('undo').isVisible()).toBe(true);
    await searchAndPick(page, 'Japan');
    await page.getByTestId('tab-details').click();
    await page.getByTestId('details-panel').press('Escape');
    expect((await viewState(page)).selected).toBeNull();
    expect(problems).toEqual([]);
    await close();
  });

  it('at 1024 px the side panels collapse to give the canvas room, and every panel still opens', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url, {
      width: 1024,
      height: 768,
    });
    const width = async () => (await page.locator('#cy').boundingBox())!.width;
    const before = await width();
    await page.getByTestId('collapse-left').click();
    await page.getByTestId('collapse-right').click();
    expect(await width()).toBeGreaterThan(before + 400);
    await page.getByTestId('collapse-left').click();
    await runTrace(page, 'Shinzo Abe', 'Dokdo');
    expect(await page.getByTestId('path-step').isVisible()).toBe(true);
    await page.getByTestId('query-tab').click();
    const query = await page.getByTestId('query-panel').boundingBox();
    expect(query!.width).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
    await close();
  });

  it('has no serious or critical axe violations on the main view, a traced path and the Query tab', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    expect(await axeViolations(page)).toEqual([]);
    await runTrace(page, 'Lee Myung-bak', 'Dokdo');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('query-tab').click();
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor textarea').first().waitFor({ state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('moves over the canvas with the keyboard and steps a traced path with the arrows', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    // The focus ring is dark blue: at least 3:1 on white.
    await page.locator('#cy').focus();
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineColor)).toBe(
      'rgb(29, 78, 216)',
    );
    await page.keyboard.press('ArrowRight');
    const first = (await viewState(page)).selected;
    expect(first).toBeTruthy();
    // Some arrow leads to a neighbour of the first node.
    let second = first;
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight']) {
      await page.keyboard.press(key);
      second = (await viewState(page)).selected;
      if (second !== first) break;
    }
    expect(second).not.toBe(first);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('details-panel')
      .getByRole('heading', { name: /^Relations \(/ })
      .waitFor();
    await runTrace(page, 'Lee Myung-bak', 'Dokdo');
    await page.locator('#cy').focus();
    await page.keyboard.press('ArrowRight');
    await settled(page);
    expect((await viewState(page)).trace.step).toBe(1);
    expect(await page.getByTestId('path-step').textContent()).toMatch(/Step 2 of/);
    expect(problems).toEqual([]);
    await close();
  });
});
