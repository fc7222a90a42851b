import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/** The readable phrases of a relationship type, both ways ("signed", "was signed by"). */
export interface TypeWords {
  label: string;
  inverseLabel: string;
}

const ONTOLOGY_FILE = path.join(PROJECT_ROOT, 'seed', 'ontology.json');

/** The phrases of each relationship type the ontology knows. */
function ontologyWords(): Map<string, TypeWords> {
  if (!fs.existsSync(ONTOLOGY_FILE)) return new Map();
  const ontology = JSON.parse(fs.readFileSync(ONTOLOGY_FILE, 'utf8')) as {
    relationTypes: ({ type: string } & TypeWords)[];
  };
  return new Map(
    ontology.relationTypes.map((t) => [t.type, { label: t.label, inverseLabel: t.inverseLabel }]),
  );
}

/** Read once per process, at the first relation; types the ontology lacks are added. */
let known: Map<string, TypeWords> | undefined;

/**
 * The phrases a relation of this type has when it gives none of its own: the ontology's, or
 * made from the type's name. A relation stores its label only when it has its own (the
 * loader leaves the type's out: 2.6 million values on a graph of a million relations), and
 * every read fills them in here; the loader asks here too, so both agree.
 */
export function typeWords(type: string): TypeWords {
  const words = (known ??= ontologyWords());
  const found = words.get(type);
  if (found?.label !== undefined && found.inverseLabel !== undefined) return found;
  const fallback = type.toLowerCase().replace(/_/g, ' ');
  const phrases = {
    label: found?.label ?? fallback,
    inverseLabel: found?.inverseLabel ?? `is the object of "${fallback}" by`,
  };
  words.set(type, phrases);
  return phrases;
}
