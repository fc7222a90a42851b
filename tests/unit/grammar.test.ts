import { agreeWith, isPluralSubject } from '../../shared/grammar';
import { narrate } from '../../server/repository/paths';
import type { EntityModel, RelationModel } from '../../server/repository/records';

const koreans = { name: 'Korean people', kind: 'GROUP' as const };

describe('subject-verb agreement in path narratives', () => {
  it('treats plural-sounding groups as plural and everything else as singular', () => {
    expect(isPluralSubject(koreans)).toBe(true);
    expect(isPluralSubject({ name: 'Korean elites', kind: 'GROUP' })).toBe(true);
    expect(isPluralSubject({ name: 'Comfort women', kind: 'GROUP' })).toBe(true);
    expect(isPluralSubject({ name: 'Japanese private sector', kind: 'GROUP' })).toBe(false);
    expect(isPluralSubject({ name: 'Liancourt Rocks', kind: 'PLACE' })).toBe(false);
    expect(isPluralSubject({ name: 'United States', kind: 'COUNTRY' })).toBe(false);
  });

  it('conjugates the first verb of a label for a plural subject only', () => {
    expect(agreeWith(koreans, 'is involved in')).toBe('are involved in');
    expect(agreeWith(koreans, 'was found inadequate by')).toBe('were found inadequate by');
    expect(agreeWith(koreans, 'has a stake in')).toBe('have a stake in');
    expect(agreeWith(koreans, 'claims')).toBe('claim');
    expect(agreeWith(koreans, 'pursues')).toBe('pursue');
    expect(agreeWith(koreans, 'pushes for')).toBe('push for');
    expect(agreeWith(koreans, 'rejected')).toBe('rejected');
    expect(agreeWith({ name: 'Japan', kind: 'COUNTRY' }, 'is involved in')).toBe('is involved in');
  });

  it('reads a step walked against the relation from the inverse label, agreeing with its subject', () => {
    const entity = (id: string, name: string, kind: EntityModel['kind']) =>
      ({ id, name, kind }) as EntityModel;
    const people = entity('korean-people', 'Korean people', 'GROUP');
    const statement = entity('kono-statement', 'Kono statement', 'STATEMENT');
    const controversy = entity('controversy', 'Controversy over the pact', 'DISPUTE');
    const relation = (sourceId: string, targetId: string, label: string, inverseLabel: string) =>
      ({ sourceId, targetId, label, inverseLabel }) as RelationModel;
    expect(
      narrate(
        [statement, people, controversy],
        [
          relation(
            'korean-people',
            'kono-statement',
            'found inadequate',
            'was found inadequate by',
          ),
          relation('korean-people', 'controversy', 'is involved in', 'involves'),
        ],
      ),
    ).toEqual([
      'Kono statement was found inadequate by Korean people.',
      'Korean people are involved in Controversy over the pact.',
    ]);
  });
});
