import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { generateGraph } from '../seed/generate';

const USAGE = 'Usage: npm run generate -- --entities N --relations M [--seed S] [--out FILE]';

/** `npm run generate`: a synthetic graph file (seed/generate.ts) on stdout or into --out. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string' },
      relations: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (values.entities === undefined || values.relations === undefined) throw new Error(USAGE);
  const out = values.out ? fs.createWriteStream(values.out) : process.stdout;
  await generateGraph(
    {
      entities: Number(values.entities),
      relations: Number(values.relations),
      seed: Number(values.seed),
    },
    out,
  );
  if (out !== process.stdout) {
    out.end();
    await finished(out);
    console.error(`Wrote ${values.out}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
