import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import {
  REPORT_QUERY,
  type ReportData,
  reportHtml,
  reportMarkdown,
  type ReportOptions,
} from '../server/domain/report';
import { createContext } from '../server/graphql/context';
import { createApolloServer } from '../server/graphql/server';
import { connect } from './connect';

const USAGE = `Usage: npm run report -- --from ID --to ID [--max-steps N] [--avoid-hubs]
  [--chronological] [--as-of DATE] [--avoid ID ...] [--first N] [--format md|html] [--out FILE]`;

function options() {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'max-steps': { type: 'string', default: '4' },
      first: { type: 'string', default: '5' },
      'avoid-hubs': { type: 'boolean', default: false },
      chronological: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      avoid: { type: 'string', multiple: true, default: [] },
      format: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.from || !values.to) throw new Error(USAGE);
  const format = values.format ?? (values.out?.endsWith('.html') ? 'html' : 'md');
  if (format !== 'md' && format !== 'html') throw new Error(`--format is md or html. ${USAGE}`);
  const number = (name: 'max-steps' | 'first') => {
    const value = Number(values[name]);
    if (!Number.isInteger(value)) throw new Error(`--${name} wants a whole number. ${USAGE}`);
    return value;
  };
  const asked: ReportOptions & { first: number } = {
    maxLength: number('max-steps'),
    first: number('first'),
    avoidHubs: values['avoid-hubs'],
    chronological: values.chronological,
    asOf: values['as-of'] ?? null,
    avoid: values.avoid,
  };
  return { from: values.from, to: values.to, format, out: values.out, asked };
}

/**
 * `npm run report`: a trace as Markdown or a standalone HTML page, through the same GraphQL
 * operation a client sends (run in-process, so the API's checks and errors apply).
 */
async function main(): Promise<void> {
  const { from, to, format, out, asked } = options();
  const connection = await connect(loadConfig(), (line) => console.error(line));
  const apollo = createApolloServer();
  await apollo.start();
  try {
    const response = await apollo.executeOperation<ReportData>(
      { query: REPORT_QUERY, variables: { from, to, ...asked } },
      { contextValue: createContext(connection.db) },
    );
    if (response.body.kind !== 'single') throw new Error('Unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw new Error(errors.map((e) => e.message).join('\n'));
    if (!data?.from) throw new Error(`No entity with id "${from}"`);
    const report = format === 'html' ? reportHtml(data, asked) : reportMarkdown(data, asked);
    if (out) {
      fs.writeFileSync(out, report);
      console.error(`Wrote ${out}`);
    } else {
      process.stdout.write(report);
    }
  } finally {
    await apollo.stop();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
