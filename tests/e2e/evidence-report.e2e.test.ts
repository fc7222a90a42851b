import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildClientIfStale } from '../../scripts/build-client';
import { type OwnGraph, startOwnGraph } from '../support/own-graph';
import { launchBrowser, openPage } from './support/browser';
import { hoverElement } from './support/cy';
import { axeViolations, runTrace, searchAndPick } from './support/view';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const GRAPH = path.join(ROOT, 'tests', 'fixtures', 'trace-graph.json');
// Our own made-up text for the graph's one document (harbour-chronicle), four paragraphs.
const LEDGER = path.join(ROOT, 'tests', 'fixtures', 'harbour-ledger.txt');
const CITATION = /The Harbour Chronicle \(Made-Up Press\), ¶ /;

/** The file a button downloads, read as text. */
async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(button).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

// Issue 12: the evidence itself (attached text behind every citation) and reports, in a browser.
describe('evidence and reports in the explorer', () => {
  let graph: OwnGraph;
  let browser: Browser;
  let attached: string;
  beforeAll(async () => {
    buildClientIfStale(() => undefined);
    graph = await startOwnGraph(GRAPH);
    // `npm run attach -- harbour-chronicle FILE`, against this suite's Neo4j.
    ({ stdout: attached } = await run(
      'npx',
      ['tsx', 'scripts/attach.ts', 'harbour-chronicle', LEDGER],
      { cwd: ROOT, env: graph.childEnv() },
    ));
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  it('opens the attached paragraph from a citation in the details, a trace step and a tooltip', async () => {
    expect(attached).toContain('Attached 4 paragraphs');
    const { page, problems, close } = await openPage(browser, graph.url);
    await searchAndPick(page, 'Alice Amber');
    const details = page.getByTestId('details-panel');
    const cited = details.getByTestId('citation').filter({ hasText: CITATION });
    const summary = cited.locator('summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe('The Harbour Chronicle (Made-Up Press), ¶ 1, 3');
    const paragraphs = cited.getByTestId('paragraph-text');
    expect(await paragraphs.first().isVisible()).toBe(false);
    // Reachable by keyboard: the citation takes the focus and opens with Enter.
    await summary.focus();
    await page.keyboard.press('Enter');
    await paragraphs.first().waitFor();
    expect(await paragraphs.allTextContents()).toEqual([
      '¶ 1 The Harbour Ledger is a second made-up copy of the chronicle, kept for the browser tests. Every name and every event in it is invented.',
      '¶ 3 On a windy morning Alice Amber shook hands with Bob & Sons <Ltd> by the fish market, and both promised a treaty on the bridge before the summer.',
    ]);

    await runTrace(page, 'Alice Amber', 'Bridge dispute');
    const step = page.getByTestId('path-step');
    expect(await step.textContent()).toContain(
      'Step 1 of 3: Alice Amber met with Bob & Sons <Ltd>.',
    );
    await step.locator('summary').filter({ hasText: CITATION }).click();
    expect(await step.getByTestId('paragraph-text').textContent()).toContain(
      'Alice Amber shook hands with Bob & Sons <Ltd> by the fish market',
    );
    expect(await axeViolations(page)).toEqual([]);

    // The canvas's tooltip quotes the evidence too.
    await hoverElement(page, 'alice');
    const tooltip = page.locator('#tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(CITATION);
    expect(await tooltip.textContent()).toContain('The Harbour Ledger is a second made-up copy');
    expect(problems).toEqual([]);
    await close();
  });

  it('exports the trace as Markdown and as a standalone HTML page', async () => {
    const { page, problems, close } = await openPage(browser, graph.url);
    expect(await page.getByTestId('report-markdown').isDisabled()).toBe(true);
    await runTrace(page, 'Dave Dune', 'Port accord');
    // What the user reads in the panel is what the report says.
    const shown = (await page.getByTestId('path-item').allTextContents()).map((text) =>
      text.replace(/^[^:]*: /, ''),
    );
    const sentences = shown.flatMap((narrative) => narrative.split(/(?<=\.) /));
    expect(sentences).toContain('Dave Dune wrote Harbour memo (2015).');

    const markdown = await downloaded(page, 'report-markdown');
    expect(markdown.name).toBe('tracegraph-dave-to-accord.md');
    expect(markdown.text).toMatch(/^# How does Dave Dune connect to Port accord\?\n/);
    for (const sentence of sentences) expect(markdown.text).toContain(sentence);
    expect(markdown.text).toContain(
      '1. Dave Dune wrote Harbour memo (2015). — _The Harbour Chronicle (Made-Up Press), ¶ 2_',
    );
    expect(markdown.text).toContain(
      "> Capital City keeps its claim on the old bridge, and Alice Amber's letter",
    );

    const html = await downloaded(page, 'report-html');
    expect(html.name).toBe('tracegraph-dave-to-accord.html');
    expect(html.text).toMatch(/^<!doctype html>/);
    // Opened on its own, with nothing to fetch, it reads as the trace did.
    const report = await page.context().newPage();
    const fetched: string[] = [];
    report.on('request', (request) => fetched.push(request.url()));
    await report.setContent(html.text);
    expect(await report.locator('h1').textContent()).toBe(
      'How does Dave Dune connect to Port accord?',
    );
    const body = await report.locator('body').innerText();
    for (const sentence of sentences) expect(body).toContain(sentence);
    expect(body).toMatch(CITATION);
    expect(body).toContain('Capital City keeps its claim on the old bridge');
    expect(fetched).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
