import { startExplorer } from './support/app';
import { openPage } from './support/browser';
import { cyEval } from './support/cy';

type Explorer = Awaited<ReturnType<typeof startExplorer>>;

describe('the query tab', () => {
  let explorer: Explorer;
  beforeAll(async () => {
    explorer = await startExplorer();
  });
  afterAll(() => explorer.stop());

  it('runs an example operation in the bundled GraphiQL and draws its result on the canvas', async () => {
    const { page, problems, close } = await openPage(explorer.browser, explorer.server.url);
    // Start from an empty canvas.
    await cyEval(
      page,
      (cy) => {
        cy.elements().remove();
      },
      null,
    );
    await page.getByTestId('query-tab').click();
    await page.locator('.graphiql-container').waitFor();
    // The schema's own documentation is there.
    await page
      .getByRole('button', { name: /documentation/i })
      .first()
      .click();
    await page
      .getByText('A query type')
      .or(page.locator('.graphiql-doc-explorer'))
      .first()
      .waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').getByText('liancourt-rocks').first().waitFor();
    await page.getByTestId('draw-results').click();
    expect(await page.getByTestId('query-panel').isHidden()).toBe(true);
    const drawn = await cyEval(page, (cy) => cy.nodes().map((n) => n.id()), null);
    expect(drawn).toContain('liancourt-rocks');
    // The results are the view's drawn query, which a share link keeps.
    const query = await page.evaluate(
      () =>
        (
          window as unknown as { tracegraph: { store: { get(): { query: string[] } } } }
        ).tracegraph.store.get().query,
    );
    expect(query).toContain('liancourt-rocks');
    expect(problems).toEqual([]);
    await close();
  });
});
