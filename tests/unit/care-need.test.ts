import fc from 'fast-check';
import {
  NEED_STATES,
  NEED_TRANSITIONS,
  OPEN_NEED_STATES,
  applyNeedAction,
  byAttention,
  initialDueAt,
  needOverdue,
  type Assignee,
  type Need,
  type NeedAction,
  type NeedActor,
} from '@linli/shared/domain/care/need';

const vol: Assignee = { kind: 'volunteer', id: 'v1', name: '王志愿' };
const clinic: Assignee = { kind: 'partner', id: 'p-clinic', name: '社区卫生服务站' };
const staff: NeedActor = { userId: 'staff', staffOf: 'c1' };
const otherStaff: NeedActor = { userId: 'other', staffOf: 'c2' };
const gridWorker: NeedActor = { userId: 'g1', gridsOf: ['grid-a'] };
const otherGrid: NeedActor = { userId: 'g2', gridsOf: ['grid-b'] };
const requester: NeedActor = { userId: 'u-elder', requesterOf: 'm1' };
const volunteer: NeedActor = { userId: 'v1', assignee: { kind: 'volunteer', id: 'v1' } };
const volunteer2: NeedActor = { userId: 'v2', assignee: { kind: 'volunteer', id: 'v2' } };
const operator: NeedActor = { userId: 'op', assignee: { kind: 'partner', id: 'p-clinic' } };
const ACTORS = [staff, otherStaff, gridWorker, otherGrid, requester, volunteer, volunteer2, operator];
const DUE = '2026-12-10T08:00:00.000Z';
const ACTIONS: NeedAction[] = [
  { kind: 'dispatch', assignee: vol, dueAt: DUE },
  { kind: 'dispatch', assignee: clinic, dueAt: DUE },
  { kind: 'accept' },
  { kind: 'decline' },
  { kind: 'finish' },
  { kind: 'rate', stars: 4 },
  { kind: 'rate', stars: 6 },
  { kind: 'cancel' },
  { kind: 'refer', topicId: 't1' },
];

const base = (status: Need['status'], extra: Partial<Need> = {}): Need => ({
  communityId: 'c1',
  memberId: 'm1',
  gridId: 'grid-a',
  status,
  dueAt: '2026-12-05T00:00:00.000Z',
  ...extra,
});

const arbNeed = fc
  .record({
    status: fc.constantFrom(...NEED_STATES),
    assignee: fc.option(fc.constantFrom(vol, clinic), { nil: undefined }),
    topicId: fc.option(fc.constant('t0'), { nil: undefined }),
  })
  .map(({ status, assignee, topicId }) => base(status, { assignee, topicId }));

describe('need state machine', () => {
  it('never moves a need except along a declared transition', () => {
    fc.assert(
      fc.property(arbNeed, fc.constantFrom(...ACTORS), fc.constantFrom(...ACTIONS), (need, actor, action) => {
        const out = applyNeedAction(need, actor, action);
        if (!out.ok) return;
        const rule = NEED_TRANSITIONS[action.kind];
        expect(rule.from).toContain(need.status);
        expect(out.need.status).toBe(rule.to ?? need.status);
      }),
    );
  });

  it('never mutates the need it was given', () => {
    fc.assert(
      fc.property(arbNeed, fc.constantFrom(...ACTORS), fc.constantFrom(...ACTIONS), (need, actor, action) => {
        const copy = structuredClone(need);
        applyNeedAction(need, actor, action);
        expect(need).toEqual(copy);
      }),
    );
  });

  it('lets only the assignee accept, decline or finish', () => {
    fc.assert(
      fc.property(
        arbNeed,
        fc.constantFrom(...ACTORS),
        fc.constantFrom<NeedAction['kind']>('accept', 'decline', 'finish'),
        (need, actor, kind) => {
          const out = applyNeedAction(need, actor, { kind } as NeedAction);
          const mine = Boolean(
            need.assignee && actor.assignee?.kind === need.assignee.kind && actor.assignee.id === need.assignee.id,
          );
          if (!mine) expect(out).toEqual({ ok: false, code: 'NEED_NOT_ASSIGNEE' });
        },
      ),
    );
  });

  it('lets staff of the community or the grid worker of its grid dispatch, no one else', () => {
    const need = base('new');
    const action: NeedAction = { kind: 'dispatch', assignee: vol, dueAt: DUE };
    expect(applyNeedAction(need, staff, action).ok).toBe(true);
    expect(applyNeedAction(need, gridWorker, action).ok).toBe(true);
    for (const actor of [otherStaff, otherGrid, requester, volunteer]) {
      expect(applyNeedAction(need, actor, action)).toEqual({ ok: false, code: 'FORBIDDEN' });
    }
    expect(applyNeedAction(base('new', { gridId: undefined }), gridWorker, action).ok).toBe(false);
  });

  it('refuses a second dispatch with NEED_ALREADY_DISPATCHED', () => {
    const first = applyNeedAction(base('new'), staff, { kind: 'dispatch', assignee: vol, dueAt: DUE });
    expect(first.ok && first.need).toMatchObject({ status: 'dispatched', assignee: vol, dueAt: DUE });
    const again = applyNeedAction(first.ok ? first.need : base('new'), staff, {
      kind: 'dispatch',
      assignee: clinic,
      dueAt: DUE,
    });
    expect(again).toEqual({ ok: false, code: 'NEED_ALREADY_DISPATCHED' });
  });

  it('returns a declined need to 待派单 without its assignee', () => {
    const out = applyNeedAction(base('dispatched', { assignee: vol }), volunteer, { kind: 'decline' });
    expect(out.ok && out.need.status).toBe('new');
    expect(out.ok && out.need.assignee).toBeUndefined();
  });

  it('takes one rating of 1 to 5 stars from the requester side or staff', () => {
    const done = base('done', { assignee: vol });
    expect(applyNeedAction(done, requester, { kind: 'rate', stars: 5 }).ok).toBe(true);
    expect(applyNeedAction(done, staff, { kind: 'rate', stars: 1 }).ok).toBe(true);
    expect(applyNeedAction(done, volunteer, { kind: 'rate', stars: 5 })).toEqual({ ok: false, code: 'FORBIDDEN' });
    for (const stars of [0, 6, 3.5]) {
      expect(applyNeedAction(done, requester, { kind: 'rate', stars })).toEqual({
        ok: false,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(applyNeedAction(base('rated'), requester, { kind: 'rate', stars: 4 })).toEqual({
      ok: false,
      code: 'NEED_ALREADY_RATED',
    });
  });

  it('links a need to one agenda topic, keeping its state', () => {
    const out = applyNeedAction(base('dispatched', { assignee: vol }), staff, { kind: 'refer', topicId: 't9' });
    expect(out.ok && out.need).toMatchObject({ status: 'dispatched', topicId: 't9' });
    expect(applyNeedAction(base('new', { topicId: 't1' }), staff, { kind: 'refer', topicId: 't2' })).toEqual({
      ok: false,
      code: 'NEED_ALREADY_REFERRED',
    });
  });

  it('reaches 已评价 from 待派单 by dispatch, accept, finish and rate, and nothing moves it after', () => {
    let need = base('new');
    const steps: [NeedActor, NeedAction][] = [
      [staff, { kind: 'dispatch', assignee: vol, dueAt: DUE }],
      [volunteer, { kind: 'accept' }],
      [volunteer, { kind: 'finish' }],
      [requester, { kind: 'rate', stars: 4 }],
    ];
    for (const [actor, action] of steps) {
      const out = applyNeedAction(need, actor, action);
      if (!out.ok) throw new Error(out.code);
      need = out.need;
    }
    expect(need.status).toBe('rated');
    for (const actor of ACTORS)
      for (const action of ACTIONS.filter((a) => a.kind !== 'refer')) {
        expect(applyNeedAction(need, actor, action).ok).toBe(false);
      }
  });
});

describe('overdue needs', () => {
  it('marks only open needs past their due time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NEED_STATES), fc.integer({ min: -1000, max: 1000 }), (status, minutes) => {
        const now = new Date('2026-12-04T12:00:00.000Z');
        const dueAt = new Date(now.getTime() + minutes * 60_000).toISOString();
        expect(needOverdue({ status, dueAt }, now)).toBe(OPEN_NEED_STATES.includes(status) && minutes < 0);
      }),
    );
  });

  it('gives an urgent need 4 hours and a normal one 72', () => {
    expect(initialDueAt('2026-12-04T00:00:00.000Z', 'urgent')).toBe('2026-12-04T04:00:00.000Z');
    expect(initialDueAt('2026-12-04T00:00:00.000Z', 'normal')).toBe('2026-12-07T00:00:00.000Z');
  });

  it('lists overdue first, then urgent, then by due time', () => {
    const now = new Date('2026-12-04T12:00:00.000Z');
    const list = [
      { id: 'later', status: 'new' as const, dueAt: '2026-12-06T00:00:00.000Z', urgency: 'normal' as const },
      { id: 'urgent', status: 'new' as const, dueAt: '2026-12-04T15:00:00.000Z', urgency: 'urgent' as const },
      { id: 'overdue', status: 'accepted' as const, dueAt: '2026-12-04T10:00:00.000Z', urgency: 'normal' as const },
      { id: 'soon', status: 'dispatched' as const, dueAt: '2026-12-05T00:00:00.000Z', urgency: 'normal' as const },
    ];
    expect(list.sort(byAttention(now)).map((n) => n.id)).toEqual(['overdue', 'urgent', 'soon', 'later']);
  });
});
