import fc from 'fast-check';
import {
  ISSUANCE_ACCOUNT,
  adjustment,
  agreementActive,
  applyPosting,
  confirmationRefusal,
  deliveryAward,
  entriesProblem,
  hoursAward,
  maskName,
  merchantAccount,
  monthsUpTo,
  offerPrice,
  parseAccount,
  pointsForMinutes,
  redemption,
  reversal,
  shanghaiMonth,
  volunteerAccount,
  volunteerStars,
  withinMonthlyCap,
  type Entry,
  type PostingDraft,
} from '@linli/shared/domain/points/ledger';

const sum = (entries: Entry[]) => entries.reduce((s, e) => s + e.amount, 0);

const volunteers = ['u1', 'u2', 'u3', 'u4'];
const merchants = ['m1', 'm2'];

/** A random posting of any kind the ledger makes. */
const anyDraft = fc.oneof(
  fc
    .tuple(fc.constantFrom(...volunteers), fc.integer({ min: 1, max: 500 }), fc.uuid())
    .map(([u, p, id]) => hoursAward(id, u, p, 'hours')),
  fc
    .tuple(fc.constantFrom(...volunteers), fc.integer({ min: 1, max: 50 }), fc.uuid())
    .map(([u, p, id]) => deliveryAward(id, u, p)),
  fc
    .tuple(fc.constantFrom(...volunteers), fc.constantFrom(...merchants), fc.integer({ min: 1, max: 300 }), fc.uuid())
    .map(([u, m, p, id]) => redemption(id, u, m, p, 'redeem')),
  fc
    .tuple(
      fc.constantFrom(...volunteers),
      fc.integer({ min: -200, max: 200 }).filter((n) => n !== 0),
      fc.uuid(),
    )
    .map(([u, d, id]) => adjustment(id, u, d, 'adjust')),
);

describe('posting rules', () => {
  it('builds postings whose entries always sum to zero and name known accounts', () => {
    fc.assert(
      fc.property(anyDraft, (d) => {
        expect(sum(d.entries)).toBe(0);
        expect(entriesProblem(d.entries)).toBeUndefined();
        for (const e of d.entries) expect(parseAccount(e.account)).toBeDefined();
      }),
    );
  });

  it('keys each posting on what it records, so a retry or replay is recognised', () => {
    expect(hoursAward('s1', 'u1', 10, 'x').postingKey).toBe('hours#s1');
    expect(deliveryAward('o1', 'u1', 10).postingKey).toBe('delivery#o1');
    expect(redemption('c1', 'u1', 'm1', 10, 'x').postingKey).toBe('redeem#c1');
    expect(adjustment('k1', 'u1', -5, 'x').postingKey).toBe('adjust#k1');
  });

  it('refuses unbalanced, one-sided, zero and repeated-account entries', () => {
    expect(entriesProblem([{ account: ISSUANCE_ACCOUNT, amount: -5 }])).toMatch(/two entries/);
    expect(
      entriesProblem([
        { account: ISSUANCE_ACCOUNT, amount: -5 },
        { account: volunteerAccount('u1'), amount: 4 },
      ]),
    ).toMatch(/sum to zero/);
    expect(
      entriesProblem([
        { account: ISSUANCE_ACCOUNT, amount: 0 },
        { account: volunteerAccount('u1'), amount: 0 },
      ]),
    ).toMatch(/non-zero/);
    expect(
      entriesProblem([
        { account: volunteerAccount('u1'), amount: -5 },
        { account: volunteerAccount('u1'), amount: 5 },
      ]),
    ).toMatch(/twice/);
    expect(() => hoursAward('s', 'u', 0, 'x')).toThrow();
    expect(() => adjustment('k', 'u', 1.5, 'x')).toThrow();
  });

  it('reverses a posting with its mirror image, and never reverses a reversal', () => {
    fc.assert(
      fc.property(anyDraft, (d) => {
        const r = reversal({ postingId: 'p1', kind: d.kind, entries: d.entries }, 'mistake');
        expect(r.postingKey).toBe('reverse#p1');
        expect(r.entries.map((e) => e.amount)).toEqual(d.entries.map((e) => -e.amount));
        expect(sum(r.entries)).toBe(0);
        expect(() => reversal({ postingId: 'p2', kind: 'reversal', entries: r.entries }, 'again')).toThrow();
      }),
    );
  });
});

describe('applyPosting (the model of the ledger)', () => {
  it('keeps the sum of all balances at zero and no volunteer or merchant below zero, whatever is posted', () => {
    fc.assert(
      fc.property(fc.array(anyDraft, { maxLength: 200 }), (drafts: PostingDraft[]) => {
        let balances = new Map<string, number>();
        let refused = 0;
        for (const d of drafts) {
          const result = applyPosting(balances, d.entries);
          if (result.ok) balances = result.balances;
          else refused += 1;
        }
        expect([...balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
        for (const [account, balance] of balances)
          if (account !== ISSUANCE_ACCOUNT) expect(balance).toBeGreaterThanOrEqual(0);
        expect(refused).toBeLessThanOrEqual(drafts.length);
      }),
    );
  });

  it('refuses a redemption beyond the balance and leaves the balances as they were', () => {
    const start = applyPosting(new Map(), hoursAward('s', 'u1', 100, 'x').entries);
    if (!start.ok) throw new Error('award refused');
    const spend = (points: number) => applyPosting(start.balances, redemption('c', 'u1', 'm1', points, 'x').entries);
    expect(spend(100)).toMatchObject({ ok: true });
    expect(spend(101)).toEqual({ ok: false, account: volunteerAccount('u1') });
    expect(start.balances.get(volunteerAccount('u1'))).toBe(100);
    expect(start.balances.get(merchantAccount('m1'))).toBeUndefined();
  });
});

describe('offers and caps', () => {
  const haircut = { offerId: 'h', kind: 'fixed' as const, title: '理发一次', points: 100 };
  const discount = { offerId: 'd', kind: 'discount' as const, title: '抵扣', pointsPerYuan: 10, maxSharePercent: 50 };

  it('prices a fixed offer at its points', () => {
    expect(offerPrice(haircut, {})).toEqual({ ok: true, points: 100 });
  });

  it('lets points pay at most half of an order at 10 points a yuan', () => {
    // 35.00 元: at most 17.50 元 → 175 points.
    expect(offerPrice(discount, { orderFen: 3500 })).toEqual({ ok: true, points: 175, deductionFen: 1750 });
    expect(offerPrice(discount, { orderFen: 3500, points: 50 })).toEqual({ ok: true, points: 50, deductionFen: 500 });
    expect(offerPrice(discount, { orderFen: 3500, points: 176 })).toEqual({ ok: false, code: 'OFFER_LIMIT_EXCEEDED' });
    expect(offerPrice(discount, {})).toEqual({ ok: false, code: 'ORDER_AMOUNT_REQUIRED' });
  });

  it('never deducts more than the share allowed, for any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 100 }), (orderFen, share) => {
        const result = offerPrice({ ...discount, maxSharePercent: share }, { orderFen });
        if (result.ok) expect(result.deductionFen!).toBeLessThanOrEqual((orderFen * share) / 100);
      }),
    );
  });

  it('holds an agreement to its dates in Asia/Shanghai', () => {
    const a = { activeFrom: '2026-11-01', activeTo: '2026-11-30' };
    expect(agreementActive(a, new Date('2026-10-31T15:59:00Z'))).toBe(false); // 23:59 on 31 Oct in Shanghai
    expect(agreementActive(a, new Date('2026-10-31T16:00:00Z'))).toBe(true);
    expect(agreementActive(a, new Date('2026-11-30T16:00:00Z'))).toBe(false); // already 1 Dec
  });

  it('refuses a redemption past the monthly cap', () => {
    expect(withinMonthlyCap(300, 200, 100)).toBe(true);
    expect(withinMonthlyCap(300, 250, 100)).toBe(false);
    expect(withinMonthlyCap(undefined, 1e9, 100)).toBe(true);
  });
});

describe('hours, names and months', () => {
  it('pays per started quarter hour at the hourly rate, or the fixed award', () => {
    expect(pointsForMinutes({ kind: 'perHour', pointsPerHour: 20 }, 125)).toBe(40);
    expect(pointsForMinutes({ kind: 'perHour', pointsPerHour: 20 }, 14)).toBe(0);
    expect(pointsForMinutes({ kind: 'fixed', points: 30 }, 5)).toBe(30);
    expect(pointsForMinutes({ kind: 'fixed', points: 30 }, 0)).toBe(0);
  });

  it('asks for a reason only when confirmed minutes differ from those measured', () => {
    expect(confirmationRefusal(60, 60, undefined)).toBeUndefined();
    expect(confirmationRefusal(60, 45, ' ')).toBe('ADJUSTMENT_REASON_REQUIRED');
    expect(confirmationRefusal(60, 45, '提前离开')).toBeUndefined();
  });

  it('masks all but the family name', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('')).toBe('*');
  });

  it('counts months in Asia/Shanghai', () => {
    expect(shanghaiMonth('2026-11-30T16:30:00.000Z')).toBe('2026-12');
    expect(monthsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('ranks 志愿之星 by minutes and shows a name only where allowed', () => {
    const stars = volunteerStars([
      { userId: 'a', name: '张伟', minutes: 120, showName: true },
      { userId: 'b', name: '李娜', minutes: 300, showName: false },
      { userId: 'c', name: '王五', minutes: 0, showName: true },
    ]);
    expect(stars.map((s) => [s.rank, s.name, s.minutes])).toEqual([
      [1, '匿名志愿者', 300],
      [2, '张伟', 120],
    ]);
  });
});
