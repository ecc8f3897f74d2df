/** Staff set the canteen up: canteens and meal times, subsidy bands, who may have meals delivered. */
import type { Canteen, CanteenSettings, DeliveryEligibility } from '@linli/shared/contract/canteen';
import type { Principal } from '@linli/shared/contract/principal';
import {
  mealsValid,
  subsidyBandsValid,
  type DeliveryFeeRule,
  type MealTimes,
  type SubsidyBand,
} from '@linli/shared/domain/canteen/rules';
import { ageOn, todayInShanghai } from '@linli/shared/domain/identity/person';
import { DomainError } from '@linli/shared/domain-error';
import { withCurrentNames } from '../community';
import { getMember, getMembers } from '../identity';
import { nowIso, type CanteenRef } from './access';
import * as repo from './repository';
import type { CanteenRecord } from './records';
import { canteenView } from './views';

export async function listCanteens(communityId: string): Promise<{ canteens: Canteen[] }> {
  const canteens = await repo.listCanteens(communityId);
  return { canteens: canteens.sort((a, b) => a.canteenId.localeCompare(b.canteenId)).map(canteenView) };
}

export async function saveCanteen(
  { communityId, canteenId }: CanteenRef,
  input: { name: string; place: string; meals: MealTimes[]; deliveryFee: DeliveryFeeRule },
): Promise<Canteen> {
  if (!mealsValid(input.meals)) throw new DomainError('MEAL_TIMES_INVALID');
  const record: CanteenRecord = { canteenId, communityId, ...input };
  await repo.putCanteen(record);
  return canteenView(record);
}

export async function getSettings(communityId: string): Promise<CanteenSettings> {
  return repo.getSettings(communityId);
}

export async function saveSettings(communityId: string, bands: SubsidyBand[]): Promise<CanteenSettings> {
  if (!subsidyBandsValid(bands)) throw new DomainError('SUBSIDY_BANDS_INVALID');
  const sorted = [...bands].sort((a, b) => a.minAge - b.minAge);
  await repo.putSettings(communityId, { subsidyBands: sorted });
  return { subsidyBands: sorted };
}

// ── delivery eligibility ─────────────────────────────────────────────────────

type Resident = NonNullable<Awaited<ReturnType<typeof getMember>>>;

const eligibilityView = (m: Resident, eligible: boolean, reason: string | undefined): DeliveryEligibility => ({
  memberId: m.memberId,
  name: m.realName,
  age: ageOn(m.birthDate, todayInShanghai()),
  address: { buildingName: m.buildingName, unitName: m.unitName, room: m.room },
  eligible,
  reason,
});

export async function listDeliveryEligibility(communityId: string): Promise<{ members: DeliveryEligibility[] }> {
  const records = (await repo.listMealDelivery(communityId)).filter((r) => r.eligible);
  const found = await withCurrentNames(await getMembers(records.map((r) => r.memberId)));
  const members = new Map(found.map((m) => [m.memberId, m]));
  return {
    members: records.flatMap((r) => {
      const m = members.get(r.memberId);
      return m ? [eligibilityView(m, true, r.reason)] : [];
    }),
  };
}

export async function setDeliveryEligibility(
  staff: Principal,
  { communityId, memberId }: { communityId: string; memberId: string },
  input: { eligible: boolean; reason?: string },
): Promise<DeliveryEligibility> {
  const m = await getMember(memberId);
  if (!m || m.communityId !== communityId || m.status !== 'verified') throw new DomainError('MEMBER_NOT_FOUND');
  await repo.putMealDelivery({
    memberId,
    communityId,
    eligible: input.eligible,
    reason: input.reason,
    setBy: staff.userId,
    setAt: nowIso(),
  });
  return eligibilityView(m, input.eligible, input.reason);
}
