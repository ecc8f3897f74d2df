/**
 * 街道数据: per community of a street and per month, figures computed from the counters and
 * month aggregates each feature already keeps (see AP100 in table.ts). Aggregates only: a
 * street operator sees how many, never who.
 */
import { monthBounds, type CommunityMonthFigures } from '@linli/shared/domain/onboarding/figures';
import { shanghaiMonth } from '@linli/shared/domain/common/shanghai-time';
import { topicMonthFigures } from '../agenda';
import { mealMonthFigures } from '../canteen';
import { councilMonthFigures } from '../council';
import { countVerifiedMembers } from '../identity';
import { pointsMonthFigures } from '../points';
import * as repo from './repository';
import { requireStreet } from './streets';

async function communityMonth(communityId: string, name: string, month: string): Promise<CommunityMonthFigures> {
  const { from, to } = monthBounds(month);
  const [verifiedMembers, council, topics, meals, points] = await Promise.all([
    countVerifiedMembers(communityId, to),
    councilMonthFigures(communityId, from, to),
    topicMonthFigures(communityId, from, to),
    mealMonthFigures(communityId, month),
    pointsMonthFigures(communityId, month),
  ]);
  return { communityId, name, verifiedMembers, ...council, ...topics, ...meals, ...points };
}

export async function streetFigures(streetId: string, month = shanghaiMonth(new Date())) {
  const [street, communities] = await Promise.all([requireStreet(streetId), repo.listStreetCommunities(streetId)]);
  const rows = await Promise.all(communities.map((c) => communityMonth(c.id, c.name, month)));
  rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    streetId,
    streetName: street.name,
    month,
    communities: rows.map((r) => (r.averageRating === undefined ? (({ averageRating: _a, ...rest }) => rest)(r) : r)),
  };
}
