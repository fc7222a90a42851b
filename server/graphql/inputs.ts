import { GraphQLError } from 'graphql';
import type { Database } from '../db/database';
import { parseDate, type PartialDate } from '../domain/dates';
import { knownRelationTypes } from '../repository/meta';
import type { EntityModel } from '../repository/records';
import type { Context } from './context';

export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) },
  });
}

/** The error for an argument that names no entity. */
export const unknownEntity = (id: string, argument: string): GraphQLError =>
  badInput(`No entity with id "${id}"`, argument);

/** The entity an argument names (read through the request's loader), or unknownEntity. */
export async function entityOrFail(
  ctx: Context,
  id: string,
  argument: string,
): Promise<EntityModel> {
  const entity = await ctx.loaders.entity.load(id);
  if (!entity) throw unknownEntity(id, argument);
  return entity;
}

/** Refuses a number outside its range rather than quietly running something else. */
export function intInRange(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be between ${min} and ${max}, got ${value}`, name);
  }
  return value;
}

export function dateOrNull(value: string | null | undefined): PartialDate | null {
  if (value === null || value === undefined) return null;
  const parsed = parseDate(value);
  if ('error' in parsed) throw badInput(parsed.error);
  return parsed;
}

/**
 * Relationship types from users are checked against the loaded graph's own list (see
 * `knownRelationTypes`), so only types that exist ever reach a statement.
 */
export async function checkRelationTypes(
  db: Database,
  types: string[] | null | undefined,
  name = 'relationTypes',
): Promise<string[] | null> {
  if (types === null || types === undefined) return null;
  if (types.length > 100) throw badInput(`${name} takes at most 100 types`, name);
  const known = await knownRelationTypes(db);
  const unknown = types.filter((type) => !known.has(type));
  if (unknown.length > 0) {
    throw badInput(
      `Unknown relationship type ${unknown.map((t) => `"${t}"`).join(', ')}; ` +
        `known types: ${[...known].sort().join(', ')}`,
      name,
    );
  }
  return types;
}
