import { isOverdue, OVERDUE_AFTER_DAYS } from '@linli/shared/domain/identity/decisions';
import {
  ageOn,
  householdKey,
  isPlausibleBirthDate,
  maskPhone,
  todayInShanghai,
} from '@linli/shared/domain/identity/person';

describe('ageOn', () => {
  it('counts the birthday itself as a completed year', () => {
    expect(ageOn('1950-06-15', '2026-06-15')).toBe(76);
  });

  it('does not count the year on the day before the birthday', () => {
    expect(ageOn('1950-06-15', '2026-06-14')).toBe(75);
  });

  it('does not count the year in an earlier month than the birthday', () => {
    expect(ageOn('1950-06-15', '2026-05-20')).toBe(75);
  });

  it('keeps a leap-day baby at 0 on 28 February of the following year', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
  });

  it('makes a leap-day baby 1 on 1 March of the following year', () => {
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
  });
});

describe('todayInShanghai', () => {
  it('has already turned the date at 00:30 Shanghai time (16:30 UTC the day before)', () => {
    expect(todayInShanghai(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
  });

  it('keeps the date one second before Shanghai midnight', () => {
    expect(todayInShanghai(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
  });

  it('turns the date exactly at Shanghai midnight', () => {
    expect(todayInShanghai(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });
});

describe('isPlausibleBirthDate', () => {
  const today = '2026-11-21';

  it('refuses a birth date in the future', () => {
    expect(isPlausibleBirthDate('2026-11-22', today)).toBe(false);
  });

  it('accepts a birth date of today', () => {
    expect(isPlausibleBirthDate(today, today)).toBe(true);
  });

  it('accepts someone who is exactly 120', () => {
    expect(isPlausibleBirthDate('1906-11-21', today)).toBe(true);
  });

  it('refuses someone who is 121', () => {
    expect(isPlausibleBirthDate('1905-11-21', today)).toBe(false);
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13895012345')).toBe('138****2345');
  });

  it.each([['1389501234'], ['138950123456'], ['']])('hides a number of the wrong length (%p) entirely', (phone) => {
    expect(maskPhone(phone)).toBe('****');
  });
});

describe('householdKey', () => {
  const place = { communityId: 'c1', buildingId: 'b3', unitId: 'u2' };

  it('treats room 302a and 302A as the same household', () => {
    expect(householdKey({ ...place, room: '302a' })).toBe(householdKey({ ...place, room: '302A' }));
  });

  it('tells apart the same room number in different units', () => {
    expect(householdKey({ ...place, room: '302' })).not.toBe(householdKey({ ...place, unitId: 'u1', room: '302' }));
  });
});

describe('isOverdue', () => {
  const createdAt = '2026-11-01T08:00:00.000Z';
  const overdueAfterMs = OVERDUE_AFTER_DAYS * 24 * 60 * 60 * 1000;

  it('is not overdue at exactly three days', () => {
    const now = new Date(Date.parse(createdAt) + overdueAfterMs);

    expect(isOverdue(createdAt, now)).toBe(false);
  });

  it('is overdue one millisecond after three days', () => {
    const now = new Date(Date.parse(createdAt) + overdueAfterMs + 1);

    expect(isOverdue(createdAt, now)).toBe(true);
  });

  it('turns an item created on 1 November at 08:00 UTC overdue just after 08:00 UTC on 4 November', () => {
    expect(isOverdue(createdAt, new Date('2026-11-04T08:00:00.000Z'))).toBe(false);
    expect(isOverdue(createdAt, new Date('2026-11-04T08:00:00.001Z'))).toBe(true);
  });
});
