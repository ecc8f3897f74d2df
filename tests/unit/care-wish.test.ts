import fc from 'fast-check';
import {
  WISH_STATES,
  WISH_TRANSITIONS,
  applyWishAction,
  claimOverdue,
  surnameOnly,
  wallName,
  type Wish,
  type WishAction,
  type WishActor,
} from '@linli/shared/domain/care/wish';
import {
  DEFAULT_VISIT_INTERVAL_DAYS,
  hasPriority,
  normalizeTags,
  visitIntervalDays,
} from '@linli/shared/domain/care/tags';

const staff: WishActor = { userId: 'staff', staffOf: 'c1' };
const otherStaff: WishActor = { userId: 'other', staffOf: 'c2' };
const wisher: WishActor = { userId: 'u-elder', wisherOf: 'm1' };
const caregiver: WishActor = { userId: 'u-daughter', wisherOf: 'm1' };
const volunteer: WishActor = { userId: 'v1', claimer: { kind: 'volunteer', id: 'v1', userId: 'v1' } };
const volunteer2: WishActor = { userId: 'v2', claimer: { kind: 'volunteer', id: 'v2', userId: 'v2' } };
const clinic: WishActor = { userId: 'op1', claimer: { kind: 'partner', id: 'p-clinic', userId: 'op1' } };
const school: WishActor = { userId: 'op2', claimer: { kind: 'partner', id: 'p-school', userId: 'op2' } };
/** The wisher's own caregiver may claim elsewhere, never their elder's wish. */
const selfClaim: WishActor = {
  userId: 'u-daughter',
  wisherOf: 'm1',
  claimer: { kind: 'resident', id: 'u-daughter', userId: 'u-daughter' },
};

const ACTORS = [staff, otherStaff, wisher, caregiver, volunteer, volunteer2, clinic, school, selfClaim];
const ACTIONS: WishAction[] = [
  { kind: 'approve' },
  { kind: 'approve', offeredTo: { kind: 'partner', partnerId: 'p-clinic' } },
  { kind: 'decline' },
  { kind: 'withdraw' },
  { kind: 'claim' },
  { kind: 'release' },
  { kind: 'deliver' },
  { kind: 'confirm' },
];

const base = (status: Wish['status'], extra: Partial<Wish> = {}): Wish => ({
  communityId: 'c1',
  memberId: 'm1',
  status,
  offeredTo: { kind: 'all' },
  ...extra,
});

const arbWish = fc
  .record({
    status: fc.constantFrom(...WISH_STATES),
    offeredTo: fc.constantFrom<Wish['offeredTo']>({ kind: 'all' }, { kind: 'partner', partnerId: 'p-clinic' }),
    claimer: fc.option(fc.constantFrom(volunteer.claimer!, clinic.claimer!), { nil: undefined }),
  })
  .map((w) => base(w.status, { offeredTo: w.offeredTo, claimer: w.claimer ? { ...w.claimer, name: 'x' } : undefined }));

describe('wish state machine', () => {
  it('moves only along the table, and never mutates the wish it was given', () => {
    fc.assert(
      fc.property(arbWish, fc.constantFrom(...ACTORS), fc.constantFrom(...ACTIONS), (wish, actor, action) => {
        const before = JSON.stringify(wish);
        const outcome = applyWishAction(wish, actor, action);
        expect(JSON.stringify(wish)).toBe(before);
        if (outcome.ok) {
          const rule = WISH_TRANSITIONS[action.kind];
          expect(rule.from).toContain(wish.status);
          expect(outcome.wish.status).toBe(rule.to);
        }
      }),
    );
  });

  it('lets exactly one of many claimers through: the winner holds the wish and every later claim is refused 409', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([volunteer, volunteer2, clinic, school], { minLength: 2 }), (claimers) => {
        let wish = base('open');
        const outcomes = claimers.map((c) => {
          const o = applyWishAction(wish, c, { kind: 'claim' });
          if (o.ok) wish = o.wish;
          return o;
        });
        expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
        for (const o of outcomes.slice(1)) expect(o).toEqual({ ok: false, code: 'WISH_ALREADY_CLAIMED' });
        expect(wish.claimer?.id).toBe(claimers[0]!.claimer!.id);
      }),
    );
  });

  it('keeps a wish offered to one partner unit from everyone else', () => {
    const offered = base('open', { offeredTo: { kind: 'partner', partnerId: 'p-clinic' } });
    expect(applyWishAction(offered, school, { kind: 'claim' })).toEqual({ ok: false, code: 'WISH_NOT_OFFERED' });
    expect(applyWishAction(offered, volunteer, { kind: 'claim' })).toEqual({ ok: false, code: 'WISH_NOT_OFFERED' });
    expect(applyWishAction(offered, clinic, { kind: 'claim' }).ok).toBe(true);
  });

  it('refuses a claim on one’s own (or one’s elder’s) wish', () => {
    expect(applyWishAction(base('open'), selfClaim, { kind: 'claim' })).toEqual({ ok: false, code: 'WISH_OWN' });
  });

  it('lets only the claimer release or deliver, and release puts the wish back on the wall without a claimer', () => {
    const claimed = applyWishAction(base('open'), clinic, { kind: 'claim' });
    if (!claimed.ok) throw new Error('claim refused');
    expect(applyWishAction(claimed.wish, volunteer, { kind: 'deliver' })).toEqual({
      ok: false,
      code: 'WISH_NOT_CLAIMER',
    });
    expect(applyWishAction(claimed.wish, staff, { kind: 'release' })).toEqual({ ok: false, code: 'WISH_NOT_CLAIMER' });
    const released = applyWishAction(claimed.wish, clinic, { kind: 'release' });
    expect(released).toEqual({ ok: true, wish: base('open') });
  });

  it('lets the wisher, their caregiver or staff confirm a delivered wish once; a second confirm is 409', () => {
    for (const who of [wisher, caregiver, staff]) {
      const done = applyWishAction(base('delivered', { claimer: { ...volunteer.claimer!, name: '张伟' } }), who, {
        kind: 'confirm',
      });
      if (!done.ok) throw new Error('confirm refused');
      expect(done.wish.status).toBe('fulfilled');
      expect(applyWishAction(done.wish, who, { kind: 'confirm' })).toEqual({
        ok: false,
        code: 'WISH_TRANSITION_INVALID',
      });
    }
    expect(applyWishAction(base('delivered'), otherStaff, { kind: 'confirm' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(applyWishAction(base('delivered'), volunteer, { kind: 'confirm' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('lets only staff of the community review', () => {
    for (const who of [otherStaff, wisher, volunteer, clinic]) {
      expect(applyWishAction(base('pending_review'), who, { kind: 'approve' })).toEqual({
        ok: false,
        code: 'FORBIDDEN',
      });
    }
    expect(applyWishAction(base('open'), staff, { kind: 'approve' })).toEqual({
      ok: false,
      code: 'WISH_TRANSITION_INVALID',
    });
  });
});

describe('what the wall shows', () => {
  it('shows a building and the family name only, never the given name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 4, unit: fc.constantFrom(...'王刘张李桂芳淑珍明') }), (name) => {
        const shown = wallName(name, '6号楼', true);
        expect(shown.startsWith(`6号楼 ${[...name][0]}`)).toBe(true);
        for (const ch of [...name].slice(1)) expect(shown.slice(5)).not.toContain(ch === [...name][0] ? '\u0000' : ch);
      }),
    );
    expect(wallName('刘淑珍', '6号楼', true)).toBe('6号楼 刘**');
    expect(wallName('刘淑珍', '6号楼', false)).toBe('一位邻居');
    expect(surnameOnly('李明')).toBe('李*');
  });

  it('marks a claim overdue only after the configured days', () => {
    const claimedAt = '2026-11-01T00:00:00.000Z';
    expect(claimOverdue(claimedAt, new Date('2026-11-08T00:00:00.000Z'), 7)).toBe(false);
    expect(claimOverdue(claimedAt, new Date('2026-11-08T00:00:01.000Z'), 7)).toBe(true);
    expect(claimOverdue(undefined, new Date(), 7)).toBe(false);
  });
});

describe('care tags and visit intervals', () => {
  const TAGS = ['独居', '高龄', '低保', '残疾'] as const;

  it('visits as often as the strictest of the member’s tags asks, 7 days when staff set nothing', () => {
    fc.assert(
      fc.property(
        fc.subarray([...TAGS]),
        fc.dictionary(fc.constantFrom(...TAGS), fc.integer({ min: 1, max: 60 })),
        (tags, intervals) => {
          const days = visitIntervalDays(tags, intervals);
          const visited = tags.filter((t) => t === '独居' || t === '高龄' || t in intervals);
          if (visited.length === 0) return expect(days).toBeUndefined();
          for (const t of visited) expect(days).toBeLessThanOrEqual(intervals[t] ?? DEFAULT_VISIT_INTERVAL_DAYS);
          expect(visited.map((t) => intervals[t] ?? DEFAULT_VISIT_INTERVAL_DAYS)).toContain(days);
        },
      ),
    );
    expect(visitIntervalDays(['独居'], {})).toBe(7);
    expect(visitIntervalDays(['低保'], {})).toBeUndefined();
  });

  it('marks wishes of people tagged 低保/独居/残疾 for priority, and stores tags once in a fixed order', () => {
    expect(hasPriority(['高龄'])).toBe(false);
    expect(hasPriority(['高龄', '独居'])).toBe(true);
    expect(normalizeTags(['残疾', '独居', '残疾'])).toEqual(['独居', '残疾']);
  });
});
