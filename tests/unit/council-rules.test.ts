import fc from 'fast-check';
import { READABLE_ALPHABET } from '@linli/shared/domain/common/short-code';
import {
  CHECKIN_OPENS_MINUTES_BEFORE,
  DEFAULT_CANCEL_CUTOFF_MINUTES,
  DEFAULT_NO_SHOW_POLICY,
  MAX_DAYS_AHEAD,
  MAX_SESSION_HOURS,
  bookingRefusal,
  cancellationRefusal,
  checkinRefusal,
  effectiveStatus,
  isInAudience,
  newCheckinCode,
  noShowRestriction,
  overlaps,
  parseCheckinInput,
  planSession,
  qrPayload,
  toCsv,
  type ScheduleInput,
  type SessionTimes,
} from '@linli/shared/domain/council/rules';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const NOW = new Date('2030-03-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** An ISO time `offset` ms after NOW (negative: before). */
const fromNow = (offset: number) => iso(NOW.getTime() + offset);
const at = (isoTime: string, offset = 0) => new Date(Date.parse(isoTime) + offset);

describe('planSession', () => {
  const startsAt = fromNow(2 * DAY);
  const endsAt = fromNow(2 * DAY + 2 * HOUR);
  const plan = (overrides: Partial<ScheduleInput> = {}) =>
    planSession({ startsAt, endsAt, capacity: 40, ...overrides }, NOW);

  it('opens booking now, closes it at the start and sets the cancel cutoff 120 minutes before the start', () => {
    const result = plan();

    expect(DEFAULT_CANCEL_CUTOFF_MINUTES).toBe(120);
    expect(result).toEqual({
      ok: true,
      times: {
        startsAt,
        endsAt,
        bookingOpensAt: NOW.toISOString(),
        bookingClosesAt: startsAt,
        cancelCutoffAt: fromNow(2 * DAY - 120 * MINUTE),
      },
      onlineSeats: 40,
      reservedSeats: 0,
    });
  });

  it('offers online only the seats not held back for walk-ins', () => {
    const result = plan({ reservedSeats: 6 });

    expect(result).toMatchObject({ ok: true, onlineSeats: 34, reservedSeats: 6 });
  });

  it('accepts holding back every seat, leaving none online', () => {
    const result = plan({ reservedSeats: 40 });

    expect(result).toMatchObject({ ok: true, onlineSeats: 0, reservedSeats: 40 });
  });

  it('refuses holding back more seats than the venue has', () => {
    const result = plan({ reservedSeats: 41 });

    expect(result).toEqual({ ok: false, code: 'RESERVED_SEATS_INVALID' });
  });

  it('keeps the booking window and cancel cutoff staff chose', () => {
    const bookingOpensAt = fromNow(DAY);
    const bookingClosesAt = fromNow(2 * DAY - HOUR);

    const result = plan({ bookingOpensAt, bookingClosesAt, cancelCutoffMinutes: 0 });

    expect(result).toMatchObject({
      ok: true,
      times: { bookingOpensAt, bookingClosesAt, cancelCutoffAt: startsAt },
    });
  });

  it('normalises the times to UTC ISO strings with milliseconds', () => {
    const result = plan({
      startsAt: '2030-03-03T08:00:00+08:00',
      endsAt: '2030-03-03T02:30:00Z',
      bookingOpensAt: '2030-03-02T09:00:00+08:00',
      bookingClosesAt: '2030-03-02T23:00Z',
    });

    expect(result).toMatchObject({
      ok: true,
      times: {
        startsAt: '2030-03-03T00:00:00.000Z',
        endsAt: '2030-03-03T02:30:00.000Z',
        bookingOpensAt: '2030-03-02T01:00:00.000Z',
        bookingClosesAt: '2030-03-02T23:00:00.000Z',
        cancelCutoffAt: '2030-03-02T22:00:00.000Z',
      },
    });
  });

  it('accepts a session exactly MAX_SESSION_HOURS long starting exactly MAX_DAYS_AHEAD ahead', () => {
    const start = MAX_DAYS_AHEAD * DAY;

    const result = plan({ startsAt: fromNow(start), endsAt: fromNow(start + MAX_SESSION_HOURS * HOUR) });

    expect(result.ok).toBe(true);
  });

  it.each<[string, Partial<ScheduleInput>]>([
    ['starts in the past', { startsAt: fromNow(-MINUTE), endsAt: fromNow(HOUR) }],
    ['starts right now', { startsAt: fromNow(0), endsAt: fromNow(HOUR) }],
    ['ends when it starts', { endsAt: startsAt }],
    ['ends before it starts', { endsAt: fromNow(2 * DAY - MINUTE) }],
    ['lasts longer than MAX_SESSION_HOURS', { endsAt: fromNow(2 * DAY + MAX_SESSION_HOURS * HOUR + MINUTE) }],
    [
      'starts further ahead than MAX_DAYS_AHEAD',
      { startsAt: fromNow(MAX_DAYS_AHEAD * DAY + MINUTE), endsAt: fromNow(MAX_DAYS_AHEAD * DAY + HOUR) },
    ],
    ['opens booking when it closes', { bookingOpensAt: fromNow(DAY), bookingClosesAt: fromNow(DAY) }],
    ['opens booking after it closes', { bookingOpensAt: fromNow(DAY + HOUR), bookingClosesAt: fromNow(DAY) }],
    ['closes booking before now while it opens now', { bookingClosesAt: fromNow(-MINUTE) }],
    ['closes booking after the start', { bookingClosesAt: fromNow(2 * DAY + 1) }],
    ['has a start that is not a time', { startsAt: 'soon' }],
  ])('refuses a session that %s', (_case, overrides) => {
    const result = plan(overrides);

    expect(result).toEqual({ ok: false, code: 'SESSION_TIMES_INVALID' });
  });
});

describe('overlaps', () => {
  const span = (from: string, to: string) => ({ startsAt: `2030-03-10T${from}:00Z`, endsAt: `2030-03-10T${to}:00Z` });

  it('does not count sessions that only touch ends as overlapping', () => {
    const morning = span('09:00', '11:00');
    const noon = span('11:00', '13:00');

    expect(overlaps(morning, noon)).toBe(false);
    expect(overlaps(noon, morning)).toBe(false);
  });

  it('counts a session inside another as overlapping', () => {
    const day = span('08:00', '18:00');
    const meeting = span('10:00', '11:00');

    expect(overlaps(day, meeting)).toBe(true);
    expect(overlaps(meeting, day)).toBe(true);
  });

  it('counts sessions that share part of their time as overlapping', () => {
    expect(overlaps(span('09:00', '11:00'), span('10:59', '12:00'))).toBe(true);
  });

  it('does not count sessions apart from each other as overlapping', () => {
    expect(overlaps(span('09:00', '10:00'), span('14:00', '15:00'))).toBe(false);
  });

  const interval = fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000 }))
    .map(([start, length]) => ({ startsAt: fromNow(start * MINUTE), endsAt: fromNow((start + length) * MINUTE) }));

  it('gives the same answer whichever session comes first', () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
      }),
    );
  });

  it('always finds a session of positive length overlapping itself', () => {
    fc.assert(
      fc.property(
        interval.filter((s) => s.endsAt > s.startsAt),
        (s) => {
          expect(overlaps(s, s)).toBe(true);
        },
      ),
    );
  });
});

describe('isInAudience', () => {
  it('lets members of every building join a community-wide session', () => {
    expect(isInAudience({ kind: 'community' }, 'b7')).toBe(true);
  });

  it('lets only members of the listed buildings join a building session', () => {
    const audience = { kind: 'buildings' as const, buildingIds: ['b1', 'b2'] };

    expect(isInAudience(audience, 'b2')).toBe(true);
    expect(isInAudience(audience, 'b3')).toBe(false);
  });

  it('lets nobody join a building session that lists no building', () => {
    expect(isInAudience({ kind: 'buildings', buildingIds: [] }, 'b1')).toBe(false);
  });
});

/** A session on 10 March 10:00–12:00 whose booking runs 3 March 10:00 – 10 March 09:00. */
const session: SessionTimes = {
  startsAt: '2030-03-10T10:00:00.000Z',
  endsAt: '2030-03-10T12:00:00.000Z',
  bookingOpensAt: '2030-03-03T10:00:00.000Z',
  bookingClosesAt: '2030-03-10T09:00:00.000Z',
  cancelCutoffAt: '2030-03-10T08:00:00.000Z',
  status: 'scheduled',
};
const cancelled: SessionTimes = { ...session, status: 'cancelled' };

describe('bookingRefusal', () => {
  it('refuses booking one millisecond before booking opens', () => {
    expect(bookingRefusal(session, at(session.bookingOpensAt, -1))).toBe('BOOKING_NOT_OPEN');
  });

  it('accepts booking exactly when booking opens', () => {
    expect(bookingRefusal(session, at(session.bookingOpensAt))).toBeUndefined();
  });

  it('accepts booking one millisecond before booking closes', () => {
    expect(bookingRefusal(session, at(session.bookingClosesAt, -1))).toBeUndefined();
  });

  it('refuses booking exactly when booking closes', () => {
    expect(bookingRefusal(session, at(session.bookingClosesAt))).toBe('BOOKING_CLOSED');
  });

  it('says the session has started from exactly its start, even after it ended', () => {
    expect(bookingRefusal(session, at(session.startsAt))).toBe('SESSION_ALREADY_STARTED');
    expect(bookingRefusal(session, at(session.endsAt, HOUR))).toBe('SESSION_ALREADY_STARTED');
  });

  it('says the session has started rather than closed when booking closes at the start', () => {
    const closesAtStart = { ...session, bookingClosesAt: session.startsAt };

    expect(bookingRefusal(closesAtStart, at(session.startsAt))).toBe('SESSION_ALREADY_STARTED');
  });

  it('refuses booking a cancelled session while its window is open', () => {
    expect(bookingRefusal(cancelled, at(session.bookingOpensAt, HOUR))).toBe('SESSION_CANCELLED');
  });
});

describe('cancellationRefusal', () => {
  it('lets a member cancel one millisecond before the cutoff', () => {
    expect(cancellationRefusal(session, at(session.cancelCutoffAt, -1))).toBeUndefined();
  });

  it('refuses cancelling from exactly the cutoff', () => {
    expect(cancellationRefusal(session, at(session.cancelCutoffAt))).toBe('CANCEL_CUTOFF_PASSED');
    expect(cancellationRefusal(session, at(session.startsAt))).toBe('CANCEL_CUTOFF_PASSED');
  });

  it('refuses cancelling a booking of a cancelled session', () => {
    expect(cancellationRefusal(cancelled, at(session.bookingOpensAt))).toBe('SESSION_CANCELLED');
  });
});

describe('checkinRefusal', () => {
  const checkinOpens = -CHECKIN_OPENS_MINUTES_BEFORE * MINUTE;

  it('refuses check-in one millisecond before it opens', () => {
    expect(checkinRefusal(session, at(session.startsAt, checkinOpens - 1))).toBe('CHECKIN_NOT_OPEN');
  });

  it('opens check-in exactly CHECKIN_OPENS_MINUTES_BEFORE the start', () => {
    expect(CHECKIN_OPENS_MINUTES_BEFORE).toBe(60);
    expect(checkinRefusal(session, at(session.startsAt, checkinOpens))).toBeUndefined();
  });

  it('keeps check-in open until exactly the end', () => {
    expect(checkinRefusal(session, at(session.endsAt))).toBeUndefined();
  });

  it('refuses check-in one millisecond after the end', () => {
    expect(checkinRefusal(session, at(session.endsAt, 1))).toBe('CHECKIN_NOT_OPEN');
  });

  it('refuses check-in at a cancelled session', () => {
    expect(checkinRefusal(cancelled, at(session.startsAt))).toBe('SESSION_CANCELLED');
  });
});

describe('effectiveStatus', () => {
  const { endsAt } = session;

  it('turns a seat never checked in into a no-show once the session has ended', () => {
    expect(effectiveStatus('booked', endsAt, at(endsAt, 1))).toBe('no_show');
  });

  it('keeps a seat booked until exactly the end, while check-in is still open', () => {
    expect(effectiveStatus('booked', endsAt, at(endsAt, -HOUR))).toBe('booked');
    expect(effectiveStatus('booked', endsAt, at(endsAt))).toBe('booked');
  });

  it.each(['attended', 'waitlisted', 'cancelled'] as const)('leaves a %s booking as it is after the end', (stored) => {
    expect(effectiveStatus(stored, endsAt, at(endsAt, DAY))).toBe(stored);
  });
});

describe('noShowRestriction with the default policy', () => {
  const daysAgo = (days: number) => fromNow(-days * DAY);
  const restriction = (noShowEnds: string[]) => noShowRestriction(noShowEnds, DEFAULT_NO_SHOW_POLICY, NOW);

  it('defaults to 3 no-shows within 90 days restricting for 30 days', () => {
    expect(DEFAULT_NO_SHOW_POLICY).toEqual({ limit: 3, windowDays: 90, restrictionDays: 30 });
  });

  it('does not restrict a member with no no-shows', () => {
    expect(restriction([])).toBeUndefined();
  });

  it('does not restrict a member with 2 no-shows', () => {
    expect(restriction([daysAgo(10), daysAgo(5)])).toBeUndefined();
  });

  it('restricts a member with 3 no-shows within 90 days until 30 days after the latest', () => {
    const result = restriction([daysAgo(40), daysAgo(5), daysAgo(20)]);

    expect(result).toEqual({ until: fromNow(25 * DAY) });
  });

  it('counts a no-show exactly 90 days ago', () => {
    const result = restriction([daysAgo(90), daysAgo(10), daysAgo(5)]);

    expect(result).toEqual({ until: fromNow(25 * DAY) });
  });

  it('does not count a no-show older than 90 days', () => {
    expect(restriction([daysAgo(120), daysAgo(10), daysAgo(5)])).toBeUndefined();
  });

  it('lifts the restriction once it has run out', () => {
    expect(restriction([daysAgo(80), daysAgo(70), daysAgo(60)])).toBeUndefined();
  });

  it('lifts the restriction exactly 30 days after the latest no-show', () => {
    expect(restriction([daysAgo(50), daysAgo(40), daysAgo(30)])).toBeUndefined();
    expect(restriction([daysAgo(50), daysAgo(40), fromNow(-30 * DAY + 1)])).toEqual({ until: fromNow(1) });
  });

  it('ignores sessions that end after now', () => {
    expect(restriction([daysAgo(10), daysAgo(5), fromNow(HOUR)])).toBeUndefined();
  });
});

describe('check-in codes', () => {
  const codeShape = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

  it('uses an alphabet without the look-alikes 0, O, 1, I and L', () => {
    expect(READABLE_ALPHABET).toBe('23456789ABCDEFGHJKMNPQRSTUVWXYZ');
  });

  it('maps each random number onto the alphabet, wrapping around its length', () => {
    const code = newCheckinCode(() => [0, 1, 2, 29, 30, 31]);

    expect(code).toBe('234YZ2');
  });

  it('makes 6-character codes from the alphabet only, whatever the random numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (numbers) => {
        const asked: number[] = [];

        const code = newCheckinCode((n) => {
          asked.push(n);
          return numbers;
        });

        expect(asked).toEqual([6]);
        expect(code).toMatch(codeShape);
        expect([...code].every((c) => READABLE_ALPHABET.includes(c))).toBe(true);
        expect(parseCheckinInput(code, 'any-session')).toBe(code);
      }),
    );
  });

  it('reads the code back from the QR text of the same session', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (numbers) => {
        const code = newCheckinCode(() => numbers);

        expect(parseCheckinInput(qrPayload('01J9SESSION', code), '01J9SESSION')).toBe(code);
      }),
    );
  });

  it('reads a scanned QR text with surrounding whitespace', () => {
    expect(parseCheckinInput(`  ${qrPayload('s1', 'K7M2PQ')}\n`, 's1')).toBe('K7M2PQ');
  });

  it('upper-cases a code written in lower case in the QR text', () => {
    expect(parseCheckinInput(qrPayload('s1', 'k7m2pq'), 's1')).toBe('K7M2PQ');
  });

  it('refuses the QR text of another session', () => {
    expect(parseCheckinInput(qrPayload('s2', 'K7M2PQ'), 's1')).toBeUndefined();
  });

  it('refuses a QR text without a code', () => {
    expect(parseCheckinInput('linli:checkin:s1:', 's1')).toBeUndefined();
  });

  it('accepts a code typed in lower case and upper-cases it', () => {
    expect(parseCheckinInput(' k7m2pq ', 's1')).toBe('K7M2PQ');
  });

  it.each(['K7M0PQ', 'K7MOPQ', 'K7M1PQ', 'K7MIPQ', 'K7MLPQ', 'k7mlpq', 'k7mopq', 'k7mipq'])(
    'refuses the typed code %s with a look-alike character',
    (typed) => {
      expect(parseCheckinInput(typed, 's1')).toBeUndefined();
    },
  );

  it('accepts a code typed in two groups of three, as it is read aloud', () => {
    expect(parseCheckinInput('K7M 2PQ', 's1')).toBe('K7M2PQ');
  });

  it.each(['', 'K7M2P', 'K7M2PQR'])('refuses the typed code "%s" of the wrong shape', (typed) => {
    expect(parseCheckinInput(typed, 's1')).toBeUndefined();
  });
});

const BOM = '\uFEFF';

/** A strict RFC 4180 reader: BOM first, CRLF after every record, quotes only around whole fields. */
function parseCsv(csv: string): string[][] {
  if (!csv.startsWith(BOM)) throw new Error('no BOM');
  const rows: string[][] = [];
  let fields: string[] = [];
  let i = BOM.length;
  while (i < csv.length) {
    let field = '';
    if (csv[i] === '"') {
      i++;
      for (;;) {
        if (i >= csv.length) throw new Error('unterminated quoted field');
        if (csv[i] !== '"') field += csv[i++];
        else if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
        } else {
          i++;
          break;
        }
      }
    } else {
      while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') {
        if (csv[i] === '"' || csv[i] === '\n') throw new Error(`bare ${JSON.stringify(csv[i])} at ${i}`);
        field += csv[i++];
      }
    }
    fields.push(field);
    if (csv[i] === ',') {
      i++;
    } else if (csv.startsWith('\r\n', i)) {
      rows.push(fields);
      fields = [];
      i += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${i}`);
    }
  }
  if (fields.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const csv = toCsv([
      ['姓名', '楼栋'],
      ['王桂芳', '3号楼'],
    ]);

    expect(csv).toBe(`${BOM}姓名,楼栋\r\n王桂芳,3号楼\r\n`);
  });

  it('writes numbers as they are and undefined as an empty field', () => {
    const csv = toCsv([[1, undefined, '已签到', undefined]]);

    expect(csv).toBe(`${BOM}1,,已签到,\r\n`);
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    const csv = toCsv([['3号楼,2单元', '他说"好"', '第一行\n第二行', 'a\rb', 'plain']]);

    expect(csv).toBe(`${BOM}"3号楼,2单元","他说""好""","第一行\n第二行","a\rb",plain\r\n`);
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+86 138', "'+86 138"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=1,2', `"'=1,2"`],
  ])('neutralises the formula %s with a leading apostrophe', (value, written) => {
    expect(toCsv([[value]])).toBe(`${BOM}${written}\r\n`);
  });

  it('neutralises a negative number like any other leading minus', () => {
    expect(toCsv([[-5]])).toBe(`${BOM}'-5\r\n`);
  });

  it('leaves formula characters after the first one alone', () => {
    expect(toCsv([['a=b', 'x-y@z']])).toBe(`${BOM}a=b,x-y@z\r\n`);
  });

  it('gives back the rows through an RFC 4180 reader for any text without a formula prefix', () => {
    const tricky = fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', ' ', "'", 'a', '邻', '=', '-') });
    const text = fc.oneof(tricky, fc.string({ unit: 'binary' })).filter((s) => !/^[=+\-@\t\r]/.test(s));
    const rows = fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });

    fc.assert(
      fc.property(rows, (written) => {
        const read = parseCsv(toCsv(written));

        expect(read).toEqual(written);
      }),
    );
  });
});

describe('a no-show restriction once started', () => {
  const day = 86_400_000;
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  const at = (d: number) => new Date(base + d * day);

  it('runs its full length even as the older no-shows age out of the window', () => {
    const noShows = [0, 1, 80].map((d) => at(d).toISOString());
    expect(noShowRestriction(noShows, DEFAULT_NO_SHOW_POLICY, at(90.5))).toEqual({ until: at(110).toISOString() });
    expect(noShowRestriction(noShows, DEFAULT_NO_SHOW_POLICY, at(110.5))).toBeUndefined();
  });
});

describe('CSV neutralising of control-character prefixes', () => {
  it('neutralises a leading tab', () => {
    expect(toCsv([['\t=1']])).toBe(`\uFEFF'\t=1\r\n`);
  });
});
