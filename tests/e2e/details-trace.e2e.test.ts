import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { clickElement, cyEval } from './support/cy';
import { axeViolations, runTrace, settled, viewState } from './support/view';

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
    await panel.getByRole('heading', { name: /^Relations \(/ }).waitFor();
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Park Geun-hye');
    expect(text).toContain('Person');
    expect(text).toContain('President Park');
    expect(text).toContain('from 2013');
    // One citation per document, as a reader cites it, with its paragraphs merged.
    expect(text).toMatch(/Japan-ROK Relations \(GlobalSecurity\.org\), ¶ (?:\d+, )*15(?!\d)/);
    expect(await panel.getByTestId('citation').count()).toBe(1);
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
    expect(text).toMatch(/Japan-ROK Relations \(GlobalSecurity\.org\), ¶ (?:\d+, )*12(?!\d)/);
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
    expect(await step.textContent()).toMatch(
      /Step 1 of \d+: Lee Myung-bak .*Japan-ROK Relations \(GlobalSecurity\.org\), ¶ \d+/,
    );
    await page.getByTestId('step-next').click();
    expect(await step.textContent()).toMatch(/Step 2 of/);
    expect(await cyEval(page, (cy) => cy.$('edge.current-step').length, null)).toBe(1);
    expect(problems).toEqual([]);
    await close();
  });

  it('marks paths through hubs, and routes around them when asked to', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    // The hubs come from the graph (its best-connected entities): here Japan.
    await runTrace(page, 'Shinzo Abe', 'Liancourt Rocks');
    const items = page.getByTestId('path-item');
    const marked = items.filter({ hasText: 'only through Japan' });
    expect(await marked.count()).toBeGreaterThan(0);
    expect(await marked.first().textContent()).toMatch(/ Japan\. Japan /);
    await page.getByLabel('Avoid hubs').check();
    await page.getByTestId('trace-run').click();
    await page.getByTestId('path-item').first().waitFor();
    expect(await items.filter({ hasText: 'only through' }).count()).toBe(0);
    for (const text of await items.allTextContents()) expect(text).not.toMatch(/\bJapan\b/);
    // The choice is part of the view: a shared link asks the server the same question.
    expect(page.url()).toContain('avoid=hubs');
    expect(problems).toEqual([]);
    await close();
  });

  it('says which limit stands in the way and lifts it with one click', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    await page.getByTestId('trace-from').fill('Lally Weymouth');
    await page.getByTestId('trace-to').fill('Pakistan');
    await page.getByLabel('Max steps').fill('1');
    await page.getByTestId('trace-run').click();
    const why = page.getByTestId('trace-explanation');
    await why.getByText('No path found').waitFor();
    expect(await why.textContent()).toContain('the limit of 1 step');
    await why.getByRole('button', { name: /^Allow \d steps$/ }).click();
    await page.getByTestId('path-item').first().waitFor();
    expect(await page.getByTestId('trace-max').inputValue()).not.toBe('1');
    expect(await why.count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('explains a trace that only hubs connect, and traces to the nearest entities it reaches', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    // Asia's one relation is with Japan: avoiding hubs leaves no way there.
    await page.getByTestId('trace-from').fill('Shinzo Abe');
    await page.getByTestId('trace-to').fill('Asia');
    await page.getByLabel('Avoid hubs').check();
    await page.getByTestId('trace-run').click();
    const why = page.getByTestId('trace-explanation');
    await why.getByText('No path found').waitFor();
    expect(await why.isVisible()).toBe(true);
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('every route passes Japan');
    expect(text).toMatch(/Hubs on the way: Japan/);
    expect(await axeViolations(page)).toEqual([]);
    const nearest = page.getByTestId('nearest-entity');
    expect(await nearest.count()).toBeGreaterThan(0);
    const [name] = (await nearest.first().getByRole('button').first().textContent())!.split(' on ');
    // Choosing one traces to it, hubs still avoided, and that trace finds a path.
    await nearest.first().getByRole('button').first().click();
    await page.getByTestId('path-item').first().waitFor();
    expect(await page.getByTestId('trace-to').inputValue()).toBe(name);
    expect(await page.getByTestId('path-item').first().textContent()).toContain(name);
    expect((await viewState(page)).trace.avoidHubs).toBe(true);
    // Back, and its Focus button puts that entity at the centre of the canvas.
    await page.goBack();
    await why.getByText('No path found').waitFor();
    await nearest
      .first()
      .getByRole('button', { name: /^Focus on / })
      .click();
    await settled(page);
    const state = await viewState(page);
    expect(state.focus).toBeTruthy();
    expect(await page.getByTestId('details-panel').locator('h2').textContent()).toBe(name);
    expect(problems).toEqual([]);
    await close();
  });
});
