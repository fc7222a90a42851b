import { GraphQLError, type GraphQLScalarTypeConfig, Kind } from 'graphql';
import { isPartialDate, parseDate } from '../domain/dates';

function check(value: unknown): string {
  const parsed = parseDate(value);
  if (!isPartialDate(parsed)) {
    throw new GraphQLError(`Invalid Date: ${parsed.error}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return parsed.text;
}

/**
 * "YYYY", "YYYY-MM" or "YYYY-MM-DD", kept at the precision given. A plain config rather
 * than a GraphQLScalarType, so the type keeps the description written in schema.graphql.
 */
export const DateScalar: Pick<
  GraphQLScalarTypeConfig<string, string>,
  'serialize' | 'parseValue' | 'parseLiteral'
> = {
  serialize: check,
  parseValue: check,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Invalid Date: a date is a string such as "2015-12-28"', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return check(ast.value);
  },
};
