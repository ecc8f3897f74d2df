/**
 * Each sort-key prefix and index-value prefix declared beside a key builder (items.ts, table.ts)
 * is how that builder's keys begin: a Query by the prefix finds exactly the items the builder
 * wrote. Repositories and tests use the prefixes; lint refuses a key spelled anywhere else.
 */
import { agendaKey } from '../../functions/src/agenda/items';
import { canteenIndex, canteenKey } from '../../functions/src/canteen/items';
import { careKey } from '../../functions/src/care/items';
import { needKey } from '../../functions/src/care/need-items';
import { visitKey } from '../../functions/src/care/visit-items';
import { communityKey } from '../../functions/src/community/items';
import { councilKey } from '../../functions/src/council/items';
import { identityIndex, identityKey } from '../../functions/src/identity/items';
import { moderationKey } from '../../functions/src/moderation/items';
import { notifyKey } from '../../functions/src/notify/items';
import { onboardingKey } from '../../functions/src/onboarding/items';
import { platformKey } from '../../functions/src/platform/table-items';
import { ledgerKey, pointsKey } from '../../functions/src/points/items';
import { privacyKey } from '../../functions/src/privacy/items';
import { rosterKey } from '../../functions/src/roster/items';
import { key } from '../../functions/src/table';

type Builder = (...args: unknown[]) => { pk: string; sk: string };
const keyObjects: Record<string, Record<string, unknown>> = {
  key,
  agendaKey,
  canteenKey,
  careKey,
  needKey,
  visitKey,
  communityKey,
  councilKey,
  identityKey,
  moderationKey,
  notifyKey,
  onboardingKey,
  platformKey,
  ledgerKey,
  pointsKey,
  privacyKey,
  rosterKey,
};

/** `<name>Prefix` beside a builder `<name>`: the prefix with no arguments, the key with placeholder ones. */
const pairs = Object.entries(keyObjects).flatMap(([objectName, object]) =>
  Object.entries(object)
    .filter(([name]) => name.endsWith('Prefix') && typeof object[name.slice(0, -'Prefix'.length)] === 'function')
    .map(([name, prefix]) => {
      const build = object[name.slice(0, -'Prefix'.length)] as Builder;
      const built = build(...Array.from({ length: build.length }, (_, i) => `x${i}`));
      const value = typeof prefix === 'function' ? (prefix as () => string)() : (prefix as string);
      return [`${objectName}.${name}`, value, built] as const;
    }),
);

describe('key prefixes', () => {
  it('finds the prefixes to check', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(25);
  });

  it.each(pairs)('%s (%s) begins the keys its builder makes', (_name, prefix, built) => {
    expect(built.sk.startsWith(prefix) || built.pk.startsWith(prefix)).toBe(true);
  });

  it('narrows to one month, one plan, one role of one community', () => {
    expect(ledgerKey.entry('c', 'a', '2026-10', 't', 'p').sk.startsWith(ledgerKey.entryPrefix('2026-10'))).toBe(true);
    expect(ledgerKey.entry('c', 'a', '2026-10', 't', 'p').sk.startsWith(ledgerKey.entryPrefix('2026-11'))).toBe(false);
    expect(rosterKey.chunk('c', 'i', 'plan1', 3).sk.startsWith(rosterKey.chunkPrefix('plan1'))).toBe(true);
    expect(rosterKey.chunk('c', 'i', 'plan10', 3).sk.startsWith(rosterKey.chunkPrefix('plan1'))).toBe(false);
    const holder = onboardingKey.roleHolder('s', 'staff', 'c1', 'u1').sk;
    expect(holder.startsWith(onboardingKey.roleHolderPrefix('staff', 'c1'))).toBe(true);
    expect(holder.startsWith(onboardingKey.roleHolderPrefix('staff', 'c10'))).toBe(false);
  });

  it('lists the members of a building or a unit by the index value the member carries', () => {
    const sort = identityIndex.memberSort({ buildingId: 'b1', unitId: 'u1', room: '101', memberId: 'm1' });
    expect(sort.startsWith(identityIndex.membersAtPrefix('b1'))).toBe(true);
    expect(sort.startsWith(identityIndex.membersAtPrefix('b1', 'u1'))).toBe(true);
    expect(sort.startsWith(identityIndex.membersAtPrefix('b10'))).toBe(false);
  });

  it("finds a canteen's orders by day, meal and date range", () => {
    const order = {
      date: '2026-10-31',
      meal: 'lunch' as const,
      buildingId: 'b1',
      unitId: 'u1',
      room: '101',
      orderId: 'o1',
    };
    const sort = canteenIndex.canteenOrderSort(order);
    expect(sort.startsWith(canteenIndex.canteenOrdersOn('2026-10-31'))).toBe(true);
    expect(sort.startsWith(canteenIndex.canteenOrdersOn('2026-10-31', 'lunch'))).toBe(true);
    expect(sort.startsWith(canteenIndex.canteenOrdersOn('2026-10-31', 'dinner'))).toBe(false);
    const [from, to] = canteenIndex.datesBetween('2026-10-01', '2026-10-31');
    expect(sort >= from && sort <= to).toBe(true);
    const [, septemberEnd] = canteenIndex.datesBetween('2026-09-01', '2026-09-30');
    expect(sort <= septemberEnd).toBe(false);
  });
});
