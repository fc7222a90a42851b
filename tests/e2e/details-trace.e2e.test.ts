import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { clickElement, cyEval } from './support/cy';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

describe('details and tracing', () => {
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
  });
  afterAll(() => explorer.stop());

  it('shows a node with its kind, aliases, dates, summary, relations by type and sources', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await clickElement(page, 'park-geun-hye');
    const panel = page.getByTestId('details-panel');
    await panel.getByText('Relations (').waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Park Geun-hye');
    expect(text).toContain('Person');
    expect(text).toContain('President Park');
    expect(text).toContain('from 2013');
    expect(text).toMatch(/globalsecurity-japan-rok-relations, ¶ [\d, ]*15(?!\d)/);
    expect(text).toMatch(/PARTICIPATED_IN \(\d+\)/);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows an edge with its figure and sources', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    // Arrange the two ends apart, as a user would by dragging, with the edge alone between.
    // (Japan and South Korea share ten relations, drawn as one bundle: this pair has one.)
    await cyEval(
      page,
      (cy) => {
        cy.edges()
          .filter((e) => e.id() !== 'rel:rok-party-24')
          .remove();
        cy.nodes().positions({ x: 0, y: 2000 });
        cy.getElementById('south-korea').position({ x: -300, y: 0 });
        cy.getElementById('rok-intelligence-agreements').position({ x: 300, y: 0 });
        cy.fit(cy.$('#south-korea, #rok-intelligence-agreements'), 80);
      },
      null,
    );
    await clickElement(page, 'rel:rok-party-24');
    const text = (await page.getByTestId('details-panel').textContent()) ?? '';
    expect(text).toContain('South Korea is a party to');
    expect(text).toContain('24 countries');
    expect(text).toMatch(/¶ [\d, ]*12(?!\d)/);
    expect(problems).toEqual([]);
    await close();
  });

  it('traces paths, highlights one and steps through it with sources', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('trace-from').fill('Lee Myung-bak');
    await page.getByTestId('trace-to').fill('Dokdo');
    await page.getByTestId('trace-run').click();
    const items = page.getByTestId('path-item');
    await items.first().waitFor();
    const narrative = (await items.first().textContent()) ?? '';
    expect(narrative).toMatch(/^\d+ steps?: Lee Myung-bak .+ Liancourt Rocks\.$/);
    await items.first().click();
    const onPath = await cyEval(page, (cy) => cy.$('.on-path').map((e) => e.id()), null);
    expect(onPath).toContain('lee-myung-bak');
    expect(onPath).toContain('liancourt-rocks');
    expect(await cyEval(page, (cy) => cy.$('.faded').length, null)).toBeGreaterThan(50);
    const step = page.getByTestId('path-step');
    expect(await step.textContent()).toMatch(/Step 1 of \d+: Lee Myung-bak .*, ¶ \d+/);
    await page.getByTestId('step-next').click();
    expect(await step.textContent()).toMatch(/Step 2 of/);
    expect(await cyEval(page, (cy) => cy.$('edge.current-step').length, null)).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('routes around the hubs when asked to', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('trace-from').fill('Lee Myung-bak');
    await page.getByTestId('trace-to').fill('Comfort women issue');
    await page.getByLabel('Max steps').fill('6');
    await page.getByTestId('trace-avoid-hubs').check();
    await page.getByTestId('trace-run').click();
    await page.getByTestId('path-item').first().waitFor();
    for (const text of await page.getByTestId('path-item').allTextContents()) {
      expect(text).not.toMatch(/(^|\. )(Japan|South Korea) /);
      expect(text).not.toMatch(/ (Japan|South Korea)\./);
    }
    expect(problems).toEqual([]);
    await close();
  });

  it('says so when no path is short enough', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('trace-from').fill('Lally Weymouth');
    await page.getByTestId('trace-to').fill('Pakistan');
    await page.getByLabel('Max steps').fill('1');
    await page.getByTestId('trace-run').click();
    await page.getByText('No connection within that many steps').waitFor();
    expect(problems).toEqual([]);
    await close();
  });
});
