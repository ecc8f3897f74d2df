import fc from 'fast-check';
import { READABLE_ALPHABET } from '@linli/shared/domain/common/short-code';
import {
  DEFAULT_SUBSIDY_BANDS,
  MEALS,
  addDays,
  bandLabel,
  bandOf,
  cancelRefusal,
  daysOfMonth,
  deliveryFee,
  linesValid,
  mealsValid,
  menuKeyOf,
  newPickupCode,
  orderRefusal,
  parsePickupInput,
  pickupQrPayload,
  priceOrder,
  publishRefusal,
  shanghaiTime,
  subsidyBandsValid,
  subsidyKey,
  yuan,
  type PriceInput,
  type SubsidyBand,
} from '@linli/shared/domain/canteen/rules';

const line = fc.record({
  unitPriceFen: fc.integer({ min: 0, max: 100_000 }),
  quantity: fc.integer({ min: 1, max: 20 }),
});

/** Non-overlapping bands: sorted cut points, each band up to the next cut minus one, the last maybe open. */
const bands: fc.Arbitrary<SubsidyBand[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 0, maxLength: 5 }),
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }),
    fc.boolean(),
  )
  .map(([cuts, fens, openEnded]) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    return sorted.map((minAge, i) => {
      const next = sorted[i + 1];
      const maxAge = next !== undefined ? next - 1 : openEnded ? undefined : Math.min(120, minAge + 9);
      return { minAge, ...(maxAge !== undefined ? { maxAge } : {}), subsidyFen: fens[i]! };
    });
  });

const priceInput: fc.Arbitrary<PriceInput> = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 10 }),
  age: fc.integer({ min: 0, max: 120 }),
  bands,
  subsidyAlreadyUsed: fc.boolean(),
  fulfilment: fc.constantFrom('pickup' as const, 'delivery' as const),
  delivery: fc.record(
    { feeFen: fc.integer({ min: 0, max: 10_000 }), freeFromAge: fc.integer({ min: 0, max: 120 }) },
    { requiredKeys: ['feeFen'] },
  ),
});

describe('priceOrder (property)', () => {
  it('gives integer fen, never negative, that add up: due = items − subsidy + delivery fee', () => {
    fc.assert(
      fc.property(priceInput, (input) => {
        const p = priceOrder(input);
        for (const v of [p.itemsFen, p.subsidyFen, p.deliveryFeeFen, p.amountDueFen]) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(p.amountDueFen).toBe(p.itemsFen - p.subsidyFen + p.deliveryFeeFen);
        expect(p.itemsFen).toBe(input.lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0));
      }),
    );
  });

  it('never subsidises more than the food, nor more than the band, nor the delivery fee', () => {
    fc.assert(
      fc.property(priceInput, (input) => {
        const p = priceOrder(input);
        expect(p.subsidyFen).toBeLessThanOrEqual(p.itemsFen);
        expect(p.subsidyFen).toBeLessThanOrEqual(bandOf(input.age, input.bands)?.subsidyFen ?? 0);
        expect(p.amountDueFen).toBeGreaterThanOrEqual(p.deliveryFeeFen);
      }),
    );
  });

  it('gives no subsidy to someone outside every band or who had it for this meal already', () => {
    fc.assert(
      fc.property(priceInput, (input) => {
        const outside = !bandOf(input.age, input.bands);
        if (outside || input.subsidyAlreadyUsed) expect(priceOrder(input).subsidyFen).toBe(0);
      }),
    );
  });

  it('charges delivery only for delivery, and never from the free age on', () => {
    fc.assert(
      fc.property(priceInput, (input) => {
        const p = priceOrder(input);
        if (input.fulfilment === 'pickup') expect(p.deliveryFeeFen).toBe(0);
        if (input.delivery.freeFromAge !== undefined && input.age >= input.delivery.freeFromAge) {
          expect(p.deliveryFeeFen).toBe(0);
        }
      }),
    );
  });

  it('grants the subsidy at most once per person per meal per day, whatever the order sequence', () => {
    const orderArb = fc.record({
      memberId: fc.constantFrom('m1', 'm2', 'm3'),
      date: fc.constantFrom('2030-05-01', '2030-05-02'),
      meal: fc.constantFrom(...MEALS),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      age: fc.integer({ min: 55, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 40 }), (orders) => {
        // The server's ledger: a subsidy claim per key, taken by the first subsidised order.
        const claimed = new Set<string>();
        const granted = new Map<string, number>();
        for (const o of orders) {
          const k = subsidyKey(o.memberId, o.date, o.meal);
          const p = priceOrder({
            lines: o.lines,
            age: o.age,
            bands: DEFAULT_SUBSIDY_BANDS,
            subsidyAlreadyUsed: claimed.has(k),
            fulfilment: 'pickup',
            delivery: { feeFen: 0 },
          });
          if (p.subsidyFen > 0) {
            claimed.add(k);
            granted.set(k, (granted.get(k) ?? 0) + 1);
          }
        }
        for (const count of granted.values()) expect(count).toBe(1);
      }),
    );
  });
});

describe('subsidy bands', () => {
  it('finds the seeded bands: 60–69 减 1 元, 70–79 减 2 元, 80+ 减 3 元, none under 60', () => {
    expect([59, 60, 69, 70, 79, 80, 105].map((age) => bandOf(age, DEFAULT_SUBSIDY_BANDS)?.subsidyFen ?? 0)).toEqual([
      0, 100, 100, 200, 200, 300, 300,
    ]);
    expect(DEFAULT_SUBSIDY_BANDS.map(bandLabel)).toEqual(['60-69', '70-79', '80+']);
  });

  it('accepts generated non-overlapping bands and puts every age in at most one', () => {
    fc.assert(
      fc.property(bands, fc.integer({ min: 0, max: 120 }), (bs, age) => {
        expect(subsidyBandsValid(bs)).toBe(true);
        expect(
          bs.filter((b) => age >= b.minAge && (b.maxAge === undefined || age <= b.maxAge)).length,
        ).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses overlapping bands, an open band before another, reversed ranges and fractional fen', () => {
    expect(
      subsidyBandsValid([
        { minAge: 60, maxAge: 75, subsidyFen: 1 },
        { minAge: 70, subsidyFen: 1 },
      ]),
    ).toBe(false);
    expect(
      subsidyBandsValid([
        { minAge: 60, subsidyFen: 1 },
        { minAge: 70, subsidyFen: 1 },
      ]),
    ).toBe(false);
    expect(subsidyBandsValid([{ minAge: 70, maxAge: 60, subsidyFen: 1 }])).toBe(false);
    expect(subsidyBandsValid([{ minAge: 60, subsidyFen: 1.5 }])).toBe(false);
    expect(subsidyBandsValid([])).toBe(true);
  });
});

describe('times, cutoffs and dates', () => {
  const menu = { date: '2030-05-02', cutoffAt: shanghaiTime('2030-05-02', '10:00') };

  it('turns a Shanghai wall-clock time into UTC', () => {
    expect(shanghaiTime('2030-05-02', '10:00')).toBe('2030-05-02T02:00:00.000Z');
    expect(shanghaiTime('2030-05-02', '07:00')).toBe('2030-05-01T23:00:00.000Z');
  });

  it('takes orders until the cutoff and refuses past dates', () => {
    expect(orderRefusal(menu, new Date('2030-05-02T01:59:59.000Z'), '2030-05-02')).toBeUndefined();
    expect(orderRefusal(menu, new Date('2030-05-02T02:00:00.000Z'), '2030-05-02')).toBe('ORDER_CUTOFF_PASSED');
    expect(orderRefusal(menu, new Date('2030-05-01T00:00:00.000Z'), '2030-05-03')).toBe('ORDER_DATE_PAST');
    expect(cancelRefusal(menu, new Date('2030-05-02T02:00:00.000Z'))).toBe('ORDER_CUTOFF_PASSED');
  });

  it('publishes from today for two weeks, while the cutoff is ahead', () => {
    const now = new Date('2030-05-01T00:00:00.000Z');
    expect(publishRefusal('2030-05-02', menu.cutoffAt, now, '2030-05-01')).toBeUndefined();
    expect(publishRefusal('2030-04-30', menu.cutoffAt, now, '2030-05-01')).toBe('MENU_DATE_INVALID');
    expect(publishRefusal('2030-05-16', menu.cutoffAt, now, '2030-05-01')).toBe('MENU_DATE_INVALID');
    expect(publishRefusal('2030-05-01', shanghaiTime('2030-05-01', '07:00'), now, '2030-05-01')).toBe(
      'ORDER_CUTOFF_PASSED',
    );
  });

  it('checks meal times: cutoff no later than pickup, pickup window forwards, each meal once', () => {
    const lunch = { meal: 'lunch' as const, cutoff: '10:00', pickupStart: '11:30', pickupEnd: '13:00' };
    expect(mealsValid([lunch])).toBe(true);
    expect(mealsValid([{ ...lunch, cutoff: '12:00' }])).toBe(false);
    expect(mealsValid([{ ...lunch, pickupEnd: '11:00' }])).toBe(false);
    expect(mealsValid([lunch, lunch])).toBe(false);
  });

  it('adds days across months and lists a month’s days', () => {
    expect(addDays('2030-01-31', 1)).toBe('2030-02-01');
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2030-11').at(-1)).toBe('2030-11-30');
  });
});

describe('order lines, fees, codes', () => {
  it('wants each dish once with a positive whole quantity', () => {
    expect(linesValid([{ dishId: 'a', quantity: 1 }])).toBe(true);
    expect(linesValid([])).toBe(false);
    expect(linesValid([{ dishId: 'a', quantity: 0 }])).toBe(false);
    expect(linesValid([{ dishId: 'a', quantity: 1.5 }])).toBe(false);
    expect(
      linesValid([
        { dishId: 'a', quantity: 1 },
        { dishId: 'a', quantity: 1 },
      ]),
    ).toBe(false);
  });

  it('waives the delivery fee from the free age', () => {
    expect(deliveryFee({ feeFen: 200, freeFromAge: 90 }, 89)).toBe(200);
    expect(deliveryFee({ feeFen: 200, freeFromAge: 90 }, 90)).toBe(0);
    expect(deliveryFee({ feeFen: 0 }, 70)).toBe(0);
  });

  it('makes readable pickup codes and reads them back typed or scanned, for this menu only', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (r) => {
        const code = newPickupCode(() => r);
        expect([...code].every((ch) => READABLE_ALPHABET.includes(ch))).toBe(true);
        const menuKey = menuKeyOf('canteen-1', '2030-05-02', 'lunch');
        expect(parsePickupInput(code.toLowerCase(), menuKey)).toBe(code);
        expect(parsePickupInput(pickupQrPayload(menuKey, code), menuKey)).toBe(code);
        expect(parsePickupInput(pickupQrPayload(menuKeyOf('canteen-1', '2030-05-02', 'dinner'), code), menuKey)).toBe(
          undefined,
        );
      }),
    );
    expect(parsePickupInput('O0I1L0', 'x')).toBeUndefined();
  });

  it('writes fen as yuan with two decimals', () => {
    expect([yuan(0), yuan(5), yuan(1700), yuan(1234)]).toEqual(['0.00', '0.05', '17.00', '12.34']);
  });
});
