import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
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

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", kept at the precision given. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description:
    'A calendar date at the precision its source gives: "1965", "2012-08", "2015-12-28".',
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
});
