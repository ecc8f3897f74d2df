import fc from 'fast-check';
import {
  AGENDA_STATES,
  TRANSITIONS,
  applyAction,
  averageRating,
  inScope,
  submitted,
  type AgendaAction,
  type AgendaActor,
  type AgendaItem,
} from '@linli/shared/domain/agenda/state';

const AT = '2026-11-22T01:00:00.000Z';
const author: AgendaActor = { userId: 'author', resident: { communityId: 'c1', buildingId: 'b1' } };
const staff: AgendaActor = { userId: 'staff', staffOf: 'c1' };
const otherStaff: AgendaActor = { userId: 'other-staff', staffOf: 'c2' };
const neighbour: AgendaActor = { userId: 'n1', resident: { communityId: 'c1', buildingId: 'b1' } };
const otherBuilding: AgendaActor = { userId: 'n2', resident: { communityId: 'c1', buildingId: 'b2' } };
const outsider: AgendaActor = { userId: 'n3', resident: { communityId: 'c2', buildingId: 'b1' } };
const ACTORS = [author, staff, otherStaff, neighbour, otherBuilding, outsider];

const fresh = (scope: AgendaItem['scope'] = { kind: 'building', buildingId: 'b1' }) =>
  submitted({ communityId: 'c1', scope, authorUserId: 'author' }, 'author', AT);

function run(item: AgendaItem, steps: [AgendaActor, AgendaAction][]): AgendaItem {
  let current = item;
  for (const [actor, action] of steps) {
    const outcome = applyAction(current, actor, action, AT);
    if (!outcome.ok) throw new Error(`${action.kind} by ${actor.userId}: ${outcome.code}`);
    current = outcome.item;
  }
  return current;
}

describe('the agenda life cycle', () => {
  it('goes submitted → approved → scheduled → decided → in_progress → done, with a timeline entry per step', () => {
    const done = run(fresh(), [
      [staff, { kind: 'approve' }],
      [staff, { kind: 'schedule', sessionId: 's1' }],
      [
        staff,
        { kind: 'decide', text: '维修费用由物业公司和居民各承担一半', tally: { for: 12, against: 2, abstain: 1 } },
      ],
      [staff, { kind: 'start', actions: [{ title: '更换楼道灯', owner: '物业', due: '2026-12-01' }] }],
      [staff, { kind: 'progress', note: '已采购灯具' }],
      [staff, { kind: 'finish' }],
    ]);
    expect(done.status).toBe('done');
    expect(done.timeline.map((e) => e.to)).toEqual([
      'submitted',
      'approved',
      'scheduled',
      'decided',
      'in_progress',
      'in_progress',
      'done',
    ]);
    expect(done.sessionId).toBe('s1');
    expect(done.decision?.text).toContain('各承担一半');
  });

  it('adds action items while in progress and keeps the earlier ones', () => {
    const started = run(fresh(), [
      [staff, { kind: 'approve' }],
      [staff, { kind: 'schedule', sessionId: 's1' }],
      [staff, { kind: 'decide', text: '决定' }],
      [staff, { kind: 'start', actions: [{ title: '更换楼道灯', owner: '物业', due: '2026-12-01' }] }],
      [staff, { kind: 'progress', note: '新增', actions: [{ title: '粉刷墙面', owner: '社区', due: '2026-12-10' }] }],
    ]);
    expect(started.actions.map((a) => a.title)).toEqual(['更换楼道灯', '粉刷墙面']);
    expect(started.status).toBe('in_progress');
  });

  it('refuses skipping a step with 409 and leaves the item as it was', () => {
    const item = fresh();
    const outcome = applyAction(item, staff, { kind: 'decide', text: '直接决定' }, AT);
    expect(outcome).toEqual({ ok: false, code: 'AGENDA_TRANSITION_INVALID' });
    expect(item.status).toBe('submitted');
  });

  it('lets only the author withdraw, and only before review', () => {
    expect(applyAction(fresh(), neighbour, { kind: 'withdraw' }, AT)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(applyAction(fresh(), staff, { kind: 'withdraw' }, AT)).toEqual({ ok: false, code: 'FORBIDDEN' });
    const approved = run(fresh(), [[staff, { kind: 'approve' }]]);
    expect(applyAction(approved, author, { kind: 'withdraw' }, AT)).toEqual({
      ok: false,
      code: 'AGENDA_TRANSITION_INVALID',
    });
  });

  it('keeps staff of another community from reviewing', () => {
    expect(applyAction(fresh(), otherStaff, { kind: 'approve' }, AT)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets neighbours in scope co-sign once each, not the author, not other buildings', () => {
    const item = run(fresh(), [[neighbour, { kind: 'cosign' }]]);
    expect(item.cosigners).toEqual(['n1']);
    expect(applyAction(item, neighbour, { kind: 'cosign' }, AT)).toEqual({ ok: false, code: 'ALREADY_COSIGNED' });
    expect(applyAction(item, author, { kind: 'cosign' }, AT)).toEqual({ ok: false, code: 'AGENDA_OWN_ITEM' });
    expect(applyAction(item, otherBuilding, { kind: 'cosign' }, AT)).toEqual({ ok: false, code: 'OUT_OF_SCOPE' });
    const communityWide = run(fresh({ kind: 'community' }), [[otherBuilding, { kind: 'cosign' }]]);
    expect(communityWide.cosigners).toEqual(['n2']);
  });

  it('records that staff entered a topic for a resident', () => {
    const item = submitted({ communityId: 'c1', scope: { kind: 'community' }, authorUserId: 'author' }, 'staff', AT);
    expect(item.timeline[0]).toMatchObject({ by: 'staff', to: 'submitted', note: '社区工作人员代为登记' });
  });

  it('takes ratings of 1–5 only once the item is done, once per resident, and averages them', () => {
    const done = run(fresh({ kind: 'community' }), [
      [staff, { kind: 'approve' }],
      [staff, { kind: 'schedule', sessionId: 's1' }],
      [staff, { kind: 'decide', text: '决定' }],
      [staff, { kind: 'start', actions: [] }],
      [staff, { kind: 'finish' }],
    ]);
    expect(applyAction(done, neighbour, { kind: 'rate', stars: 6 }, AT)).toEqual({ ok: false, code: 'RATING_INVALID' });
    const rated = run(done, [
      [neighbour, { kind: 'rate', stars: 5 }],
      [otherBuilding, { kind: 'rate', stars: 4 }],
    ]);
    expect(applyAction(rated, neighbour, { kind: 'rate', stars: 1 }, AT)).toEqual({ ok: false, code: 'ALREADY_RATED' });
    expect(averageRating(rated.ratings)).toBe(4.5);
    expect(applyAction(fresh(), neighbour, { kind: 'rate', stars: 3 }, AT)).toEqual({
      ok: false,
      code: 'AGENDA_TRANSITION_INVALID',
    });
  });
});

describe('random sequences of actions by random people (property)', () => {
  const actionArb: fc.Arbitrary<AgendaAction> = fc.oneof(
    fc.constant({ kind: 'approve' } as const),
    fc.constant({ kind: 'reject', reason: '不属于议事范围' } as const),
    fc.constant({ kind: 'merge', into: 'other-item' } as const),
    fc.constant({ kind: 'withdraw' } as const),
    fc.constant({ kind: 'schedule', sessionId: 's1' } as const),
    fc.constant({ kind: 'decide', text: '决定' } as const),
    fc.constant<AgendaAction>({ kind: 'start', actions: [] }),
    fc.constant({ kind: 'progress', note: '进展' } as const),
    fc.constant<AgendaAction>({
      kind: 'progress',
      note: '新增行动项',
      actions: [{ title: '清理', owner: '物业', due: '2026-12-01' }],
    }),
    fc.constant({ kind: 'finish' } as const),
    fc.constant({ kind: 'cosign' } as const),
    fc.integer({ min: -1, max: 7 }).map((stars) => ({ kind: 'rate', stars }) as const),
  );
  const stepArb = fc.tuple(fc.constantFrom(...ACTORS), actionArb);
  const scopeArb = fc.constantFrom<AgendaItem['scope']>({ kind: 'community' }, { kind: 'building', buildingId: 'b1' });

  it('never reaches an invalid state, never lets a forbidden user act, keeps state and timeline in step', () => {
    fc.assert(
      fc.property(scopeArb, fc.array(stepArb, { maxLength: 40 }), (scope, steps) => {
        let item = fresh(scope);
        for (const [actor, action] of steps) {
          const before = item;
          const outcome = applyAction(item, actor, action, AT);
          if (!outcome.ok) {
            // A refusal changes nothing.
            expect(item).toBe(before);
            continue;
          }
          const next = outcome.item;
          // Who may act.
          if (action.kind === 'cosign' || action.kind === 'rate') {
            expect(inScope(item, actor)).toBe(true);
          } else if (TRANSITIONS[action.kind].who === 'staff') {
            expect(actor.staffOf).toBe(item.communityId);
          } else {
            expect(actor.userId).toBe(item.authorUserId);
          }
          // A legal state, reached only through the table.
          expect(AGENDA_STATES).toContain(next.status);
          if (next.status !== before.status || next.timeline.length !== before.timeline.length) {
            expect(action.kind in TRANSITIONS).toBe(true);
            const rule = TRANSITIONS[action.kind as keyof typeof TRANSITIONS];
            expect(rule.from).toContain(before.status);
            expect(next.status).toBe(rule.to);
          }
          // The timeline only grows, and its last entry is the state.
          expect(next.timeline.slice(0, before.timeline.length)).toEqual(before.timeline);
          expect(next.timeline.at(-1)!.to).toBe(next.status);
          // Support and ratings are counted once per person.
          expect(new Set(next.cosigners).size).toBe(next.cosigners.length);
          for (const stars of Object.values(next.ratings)) expect(stars >= 1 && stars <= 5).toBe(true);
          if (Object.keys(next.ratings).length > 0) expect(next.status).toBe('done');
          // Action items are only ever added to, never lost.
          expect(next.actions.slice(0, before.actions.length)).toEqual(before.actions);
          item = next;
        }
      }),
      { numRuns: 500 },
    );
  });
});
