import fs from 'node:fs';
import { startExplorer } from './support/app';
import { openPage, waitForGraph } from './support/browser';
import { cyEval } from './support/cy';
import { settled } from './support/view';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

describe('timeline, sharing and export', () => {
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
  });
  afterAll(() => explorer.stop());

  const hidden = (page: import('playwright-core').Page, id: string) =>
    cyEval(page, (cy, elementId) => cy.getElementById(elementId).hasClass('hidden'), id);

  it('shows the graph as it stood in a brushed range, selects events and plays through the years', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    const events = page.getByTestId('timeline-event');
    expect(await events.count()).toBeGreaterThan(15);
    // Brush across the axis from its left end to about a third of the way.
    const axis = await page.getByTestId('timeline-axis').boundingBox();
    await page.mouse.move(axis!.x + 2, axis!.y + 50);
    await page.mouse.down();
    await page.mouse.move(axis!.x + axis!.width * 0.6, axis!.y + 50, { steps: 5 });
    await page.mouse.up();
    await settled(page);
    const label = (await page.getByTestId('timeline-range').textContent()) ?? '';
    const [, from, to] = /Graph (\d{4}) – (\d{4})/.exec(label) ?? [];
    expect(Number(from)).toBeLessThanOrEqual(1911);
    expect(Number(to)).toBeLessThan(2000);
    expect(await hidden(page, 'moon-abe-summit-2017')).toBe(true);
    expect(await hidden(page, 'treaty-signing-1965')).toBe(false);
    expect(await hidden(page, 'japan')).toBe(false); // undated entities are shown unless the user hides them
    // The label says how much of the graph the range leaves, as counted on the canvas.
    const [, shown, total] = /: (\d+) of (\d+) entities/.exec(label) ?? [];
    const onCanvas = await cyEval(
      page,
      (cy) => [cy.nodes().not('.hidden').length, cy.nodes().length],
      null,
    );
    expect([Number(shown), Number(total)]).toEqual(onCanvas);
    expect(Number(shown)).toBeLessThan(Number(total));
    await page.getByTestId('timeline-clear').click();
    await settled(page);
    expect(await hidden(page, 'moon-abe-summit-2017')).toBe(false);

    await page.locator('[data-testid="timeline-event"][data-id="kishida-visit-2015"]').click();
    await settled(page);
    expect(await cyEval(page, (cy) => cy.$(':selected').map((e) => e.id()), null)).toEqual([
      'kishida-visit-2015',
    ]);
    expect(await page.getByTestId('details-panel').textContent()).toContain('2015-12-28');

    await page.getByTestId('timeline-play').click();
    // Play slides a five-year window from the first year.
    await page.waitForFunction(() =>
      /Graph 19\d\d – 19\d\d/.test(
        document.querySelector('[data-testid="timeline-range"]')?.textContent ?? '',
      ),
    );
    await page.getByTestId('timeline-play').click(); // pause
    expect(problems).toEqual([]);
    await close();
  });

  it('keeps the view in the URL so a copied link reopens it', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('search-input').fill('Kono');
    await page.getByTestId('search-option').first().waitFor();
    await page.getByTestId('search-input').press('Enter');
    await settled(page);
    await page.getByTestId('timeline-from').fill('1990');
    await page.getByTestId('timeline-from').dispatchEvent('change');
    await page.getByTestId('timeline-to').fill('2000');
    await page.getByTestId('timeline-to').dispatchEvent('change');
    await page.getByTestId('trace-from').fill('Shinzo Abe');
    await page.getByTestId('trace-to').fill('Comfort women issue');
    await page.getByTestId('trace-run').click();
    await page.getByTestId('path-item').first().waitFor();
    const link = page.url();
    expect(new URL(link).searchParams.get('selected')).toBe('yohei-kono');
    expect(new URL(link).searchParams.get('from')).toBe('shinzo-abe');
    await close();

    const again = await openPage(explorer.browser, link);
    await again.page.getByTestId('path-item').first().waitFor();
    expect(await cyEval(again.page, (cy) => cy.$(':selected').map((e) => e.id()), null)).toEqual([
      'yohei-kono',
    ]);
    expect(await again.page.getByTestId('timeline-range').textContent()).toContain('1990 – 2000');
    expect(await again.page.getByTestId('trace-to').inputValue()).toBe('Comfort women issue');
    expect([...problems, ...again.problems]).toEqual([]);
    await again.close();
  });

  it('exports PNG, SVG and a JSON view that reopens as arranged', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    const save = async (testid: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(testid).click(),
      ]);
      return fs.readFileSync((await download.path())!);
    };
    const png = await save('export-png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    const svg = (await save('export-svg')).toString();
    expect(svg).toMatch(/<svg[\s\S]*Liancourt Rocks/);
    const view = JSON.parse((await save('export-json')).toString());
    const rocks = view.cy.elements.nodes.find(
      (e: { data: { id: string } }) => e.data.id === 'liancourt-rocks',
    );
    expect(rocks.position).toEqual(
      expect.objectContaining({ x: expect.any(Number), y: expect.any(Number) }),
    );

    // Reopen the saved view in a fresh page: the same node is where it was.
    const fresh = await openPage(explorer.browser, explorer.server.url);
    const file = `${fs.mkdtempSync('/tmp/tracegraph-view-')}/view.json`;
    fs.writeFileSync(file, JSON.stringify(view));
    await fresh.page.locator('#toolbar input[type=file]').setInputFiles(file);
    await fresh.page.getByText('Opened a saved view').waitFor();
    const position = await cyEval(
      fresh.page,
      (cy) => ({ ...cy.getElementById('liancourt-rocks').position() }),
      null,
    );
    expect(position).toEqual(rocks.position);
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.close();
    await close();
  });
});

describe('states', () => {
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
  });
  afterAll(() => explorer.stop());

  it('shows a banner while the API is down and recovers by itself', async () => {
    const context = await explorer.browser.newContext();
    const page = await context.newPage();
    let down = true;
    await page.route('**/graphql', (route) => (down ? route.abort() : route.continue()));
    await page.route('**/health', (route) =>
      down ? route.fulfill({ status: 503, body: '{"neo4j":"down"}' }) : route.continue(),
    );
    await page.goto(explorer.server.url);
    await page.locator('#banner').getByText('cannot be reached').waitFor();
    down = false;
    await waitForGraph(page);
    expect(await page.locator('#banner').isHidden()).toBe(true);
    await context.close();
  });

  it('collapses the side panels in a narrow window and keeps focus visible', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url, {
      width: 700,
      height: 800,
    });
    expect(await page.locator('#left').isHidden()).toBe(true);
    expect(await page.locator('#cy').isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { id: element.id, outline: getComputedStyle(element).outlineStyle };
    });
    expect(outline).toEqual({ id: 'search', outline: 'solid' });
    expect(problems).toEqual([]);
    await close();
  });
});
