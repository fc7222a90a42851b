import { request } from '../api';
import type { TraceState } from '../state/view-state';
import {
  REPORT_QUERY,
  type ReportData,
  type ReportOptions,
  reportHtml,
  reportMarkdown,
} from '../../../server/domain/report';
import { download } from './dom';

/**
 * The current trace as a report to hand on, built by the same pure module as
 * `npm run report` (server/domain/report.ts, bundled): the question, each path as sentences
 * with dates and citations, and the evidence paragraphs when text is attached.
 */
export async function exportReport(trace: TraceState, format: 'markdown' | 'html'): Promise<void> {
  if (!trace.from || !trace.to) throw new Error('Trace a connection first: the report is of it.');
  const options: ReportOptions = {
    maxLength: trace.maxSteps,
    avoidHubs: trace.avoidHubs,
    relationTypes: trace.types.length ? trace.types : null,
  };
  const data = await request<ReportData>(REPORT_QUERY, {
    from: trace.from,
    to: trace.to,
    first: 5,
    ...options,
  });
  const name = `tracegraph-${trace.from}-to-${trace.to}`;
  if (format === 'markdown')
    download(
      `${name}.md`,
      new Blob([reportMarkdown(data, options)], { type: 'text/markdown;charset=utf-8' }),
    );
  else
    download(
      `${name}.html`,
      new Blob([reportHtml(data, options)], { type: 'text/html;charset=utf-8' }),
    );
}
