import fs from 'node:fs';
import { loadConfig } from '../server/config';
import { attachText } from '../server/repository/documents';
import { connect } from './connect';

const USAGE = 'Usage: npm run attach -- DOCUMENT-ID FILE';

/**
 * `npm run attach -- DOCUMENT-ID FILE`: stores a copy of a document's text in Neo4j, one
 * paragraph per block of text between blank lines, numbered from 1 as the graph file cites
 * them. Attaching again replaces the text; an unknown document id changes nothing.
 */
async function main(): Promise<void> {
  const [document, file, ...rest] = process.argv.slice(2);
  if (!document || !file || rest.length > 0) throw new Error(USAGE);
  if (!fs.existsSync(file)) throw new Error(`No file "${file}". ${USAGE}`);
  const text = fs.readFileSync(file, 'utf8');
  const connection = await connect(loadConfig(), (line) => console.error(line));
  try {
    const count = await attachText(connection.db, document, text);
    console.log(`Attached ${count} paragraphs of ${file} to document "${document}".`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
