/** The month figures: points issued, redeemed and outstanding, and the volunteer star list. */
import type { MonthFigures } from '@linli/shared/contract/points';
import {
  ISSUANCE_ACCOUNT,
  merchantAccount,
  monthsUpTo,
  shanghaiMonth,
  volunteerAccount,
  volunteerStars,
} from '@linli/shared/domain/points/ledger';
import * as repo from './repository';

/** Points volunteers hold now: the sum of their account balances (a stock, unlike the month flows). */
async function outstandingNow(communityId: string): Promise<number> {
  const volunteers = await repo.listVolunteers(communityId);
  const balances = await repo.balancesOf(
    communityId,
    volunteers.map((v) => volunteerAccount(v.userId)),
  );
  return balances.reduce((sum, b) => sum + b, 0);
}

/**
 * Per month: points issued (net of reversals), redeemed (per merchant), and held by volunteers at
 * its end; and what volunteers hold now.
 */
export async function pointsReport(
  communityId: string,
  count = 6,
): Promise<{ months: MonthFigures[]; outstanding: number }> {
  const months = monthsUpTo(shanghaiMonth(new Date()), count);
  const merchants = await repo.listMerchants(communityId);
  const [issuance, ...perMerchant] = await Promise.all([
    repo.monthFigures(communityId, ISSUANCE_ACCOUNT),
    ...merchants.map((m) => repo.monthFigures(communityId, merchantAccount(m.id))),
  ]);
  let issuedBefore = 0;
  let redeemedBefore = 0;
  for (const r of issuance!) if (r.month < months[0]!) issuedBefore += r.issued ?? 0;
  for (const rows of perMerchant) for (const r of rows) if (r.month < months[0]!) redeemedBefore += r.redeemed ?? 0;
  const outstanding = await outstandingNow(communityId);
  return {
    outstanding,
    months: months.map((month) => {
      const issued = issuance!.find((r) => r.month === month)?.issued ?? 0;
      const byMerchant = merchants.map((m, i) => {
        const row = perMerchant[i]!.find((r) => r.month === month);
        return { merchantId: m.id, name: m.name, redeemed: row?.redeemed ?? 0, count: row?.redemptions ?? 0 };
      });
      const redeemed = byMerchant.reduce((sum, x) => sum + x.redeemed, 0);
      issuedBefore += issued;
      redeemedBefore += redeemed;
      return { month, issued, redeemed, outstanding: issuedBefore - redeemedBefore, byMerchant };
    }),
  };
}

export async function stars(communityId: string, month = shanghaiMonth(new Date())) {
  const rows = await repo.listStars(communityId, month);
  return {
    month,
    stars: volunteerStars(
      rows.map((r) => ({ userId: r.userId, name: r.name, minutes: r.minutes, showName: r.showName })),
    ).map(({ rank, name, minutes }) => ({ rank, name, minutes })),
  };
}

/**
 * A community's month for the street's figures: points issued (AP59, issuance shards summed) and
 * redeemed (AP59 per merchant), and volunteer minutes confirmed (AP68, the month's star list
 * holds every volunteer's minutes).
 */
export async function pointsMonthFigures(communityId: string, month: string) {
  const merchants = await repo.listMerchants(communityId);
  const [issuance, stars, ...perMerchant] = await Promise.all([
    repo.monthFigures(communityId, ISSUANCE_ACCOUNT),
    repo.listStars(communityId, month),
    ...merchants.map((m) => repo.monthFigures(communityId, merchantAccount(m.id))),
  ]);
  return {
    pointsIssued: (issuance as { month: string; issued?: number }[]).find((r) => r.month === month)?.issued ?? 0,
    pointsRedeemed: perMerchant.reduce((sum, rows) => sum + (rows.find((r) => r.month === month)?.redeemed ?? 0), 0),
    volunteerMinutes: (stars as { minutes: number }[]).reduce((sum, s) => sum + (s.minutes ?? 0), 0),
  };
}
