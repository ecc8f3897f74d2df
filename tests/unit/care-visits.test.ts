import fc from 'fast-check';
import { DEFAULT_VISIT_INTERVAL_DAYS, MEMBER_TAGS, type MemberTag } from '@linli/shared/domain/care/tags';
import {
  VISIT_METHODS,
  VISIT_OBSERVATIONS,
  afterVisit,
  compareForVisits,
  gridsOf,
  intervalFor,
  mayLookInto,
  needsFollowUp,
  overdueFirst,
  standing,
  type RankedPerson,
  type VisitIntervals,
} from '@linli/shared/domain/care/visits';

const DAY = 24 * 3600_000;
const NOW = Date.parse('2026-12-04T04:00:00.000Z');
const tagsArb = fc.subarray([...MEMBER_TAGS]);
const intervalsArb: fc.Arbitrary<VisitIntervals> = fc.record(
  {
    独居: fc.integer({ min: 1, max: 90 }),
    高龄: fc.integer({ min: 1, max: 90 }),
    低保: fc.integer({ min: 1, max: 90 }),
    残疾: fc.integer({ min: 1, max: 90 }),
  },
  { requiredKeys: [] },
);
const isoArb = fc.integer({ min: NOW - 120 * DAY, max: NOW }).map((t) => new Date(t).toISOString());

describe('visit intervals', () => {
  it('visits 独居 and 高龄 every 7 days by default and other tags only once staff set an interval', () => {
    expect(intervalFor(['独居'], {})).toBe(DEFAULT_VISIT_INTERVAL_DAYS);
    expect(intervalFor(['高龄'], {})).toBe(7);
    expect(intervalFor(['低保'], {})).toBeUndefined();
    expect(intervalFor(['低保'], { 低保: 30 })).toBe(30);
    expect(intervalFor([], { 独居: 3 })).toBeUndefined();
  });

  it('takes the shortest interval among the tags that ask for visits', () => {
    fc.assert(
      fc.property(tagsArb, intervalsArb, (tags, set) => {
        const days = intervalFor(tags, set);
        const asking = tags.filter((t) => t === '独居' || t === '高龄' || set[t] !== undefined);
        if (asking.length === 0) {
          expect(days).toBeUndefined();
          return;
        }
        const each = asking.map((t: MemberTag) => set[t] ?? DEFAULT_VISIT_INTERVAL_DAYS);
        expect(days).toBe(Math.min(...each));
      }),
    );
  });
});

describe('overdue', () => {
  it('is overdue exactly when more than the interval has passed since the last visit that reached the person', () => {
    fc.assert(
      fc.property(isoArb, fc.integer({ min: 1, max: 90 }), (last, days) => {
        const s = standing(last, '2020-01-01T00:00:00.000Z', days, new Date(NOW));
        const late = NOW - Date.parse(last) - days * DAY;
        expect(s.overdue).toBe(late > 0);
        const day = (ms: number) => Math.floor((ms + 8 * 3600_000) / DAY);
        expect(s.overdueDays).toBe(late > 0 ? day(NOW) - day(NOW - late) : 0);
      }),
    );
  });

  it('counts overdue days by Shanghai calendar day, whatever the hour', () => {
    // Due at 10:00 on 11月30日 (Shanghai); at 00:10 on 12月5日 that is 5 days, not 4.6 rounded down.
    const s = standing('2026-11-23T02:00:00.000Z', '2020-01-01T00:00:00.000Z', 7, new Date('2026-12-04T16:10:00.000Z'));
    expect(s).toMatchObject({ overdue: true, overdueDays: 5 });
  });

  it('counts a person never visited as due from when they joined', () => {
    const s = standing(undefined, new Date(NOW - 3 * DAY).toISOString(), 7, new Date(NOW));
    expect(s).toMatchObject({ overdue: true, overdueDays: 3 });
  });

  it('a visit that reached the person ends the overdue; 无人应答 never moves the last visit', () => {
    fc.assert(
      fc.property(
        fc.option(isoArb, { nil: undefined }),
        fc.constantFrom(...VISIT_METHODS),
        fc.constantFrom(...VISIT_OBSERVATIONS),
        fc.integer({ min: 1, max: 90 }),
        (last, method, observation, days) => {
          const at = new Date(NOW).toISOString();
          const next = afterVisit({ lastVisitAt: last, lastAttemptAt: last }, { at, method, observation });
          expect(next.lastAttemptAt).toBe(at);
          if (method === '无人应答') expect(next.lastVisitAt).toBe(last);
          else expect(standing(next.lastVisitAt, at, days, new Date(NOW)).overdue).toBe(false);
        },
      ),
    );
  });

  it('an older visit arriving late does not move the state back', () => {
    const state = { lastVisitAt: '2026-12-03T00:00:00.000Z', lastAttemptAt: '2026-12-03T00:00:00.000Z' };
    expect(afterVisit(state, { at: '2026-12-01T00:00:00.000Z', method: '上门', observation: '良好' })).toBe(state);
  });

  it('asks for a follow-up need only when the person needs help or it is urgent', () => {
    expect(VISIT_OBSERVATIONS.filter(needsFollowUp)).toEqual(['需要帮助', '紧急']);
    expect(needsFollowUp(undefined)).toBe(false);
  });
});

const personArb: fc.Arbitrary<RankedPerson> = fc.record({
  intervalDays: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  dueAt: fc.option(isoArb, { nil: undefined }),
  overdue: fc.boolean(),
  signals: fc.array(fc.constant({ kind: 'meal_not_picked_up' }), { maxLength: 2 }),
  lastObservation: fc.option(fc.constantFrom(...VISIT_OBSERVATIONS), { nil: undefined }),
  sortKey: fc.string({ maxLength: 6 }),
});

describe("the grid worker's list order", () => {
  it('puts everyone with a signal today first, then people visits are due for, overdue before not', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 30 }), (people) => {
        const sorted = [...people].sort(compareForVisits);
        const rank = (p: RankedPerson) =>
          p.signals.length > 0 ? 0 : p.intervalDays === undefined ? 3 : p.overdue ? 1 : 2;
        expect(sorted.map(rank)).toEqual(sorted.map(rank).sort((a, b) => a - b));
      }),
    );
  });

  it('lists only the overdue, the earliest due first', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 30 }), (people) => {
        const list = overdueFirst(people);
        expect(list).toHaveLength(people.filter((p) => p.overdue).length);
        expect(list.every((p, i) => p.overdue && (i === 0 || (list[i - 1]!.dueAt ?? '') <= (p.dueAt ?? '')))).toBe(
          true,
        );
      }),
    );
  });
});

describe('which grids a caller may look into', () => {
  it('staff of the community see every grid, a grid worker only the grids of their grants', () => {
    const staff = gridsOf([{ role: 'staff', communityId: 'c1' }], 'c1');
    const worker = gridsOf(
      [
        { role: 'grid', communityId: 'c1', gridId: 'g1' },
        { role: 'grid', communityId: 'c2', gridId: 'g2' },
      ],
      'c1',
    );
    expect(mayLookInto(staff, 'g9')).toBe(true);
    expect(mayLookInto(worker, 'g1')).toBe(true);
    expect(mayLookInto(worker, 'g2')).toBe(false);
    expect(mayLookInto(gridsOf([{ role: 'staff', communityId: 'c2' }], 'c1'), 'g1')).toBe(false);
  });
});
