import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { adjustment, shanghaiMonth } from '../../shared/src/domain/points/ledger';
import { OPEN_STATES } from '../../shared/src/domain/agenda/state';
import { householdKey } from '../../shared/src/domain/identity/person';
import { addDays, shanghaiTime, todayInShanghai } from '../../shared/src/domain/common/shanghai-time';
import type { DishRecord, MenuRecord } from '../../functions/src/canteen/records';
import {
  cosignItem,
  memberTopicItem,
  ratingItem,
  sessionTopicItem,
  timelineItem,
  topicItem,
} from '../../functions/src/agenda/items';
import type { TimelineRecord, TopicRecord } from '../../functions/src/agenda/records';
import {
  careGrantItem,
  linkItem,
  memberItem,
  membershipLockItem,
  openidItem,
  userItem,
} from '../../functions/src/identity/items';
import type { MemberRecord } from '../../functions/src/identity/records';
import type { PostingRecord } from '../../functions/src/points/records';
import {
  activityItem,
  merchantInviteItem,
  merchantItem,
  merchantOperatorItem,
  volunteerItem,
} from '../../functions/src/points/items';
import { sessionItem, venueItem } from '../../functions/src/council/items';
import { buildingItem, gridItem, healthItem } from '../../functions/src/community/items';
import {
  canteenItem,
  dishItem,
  mealDeliveryItem,
  menuItem,
  settingsItem as canteenSettingsItem,
} from '../../functions/src/canteen/items';
import { communityMetaItem } from '../../functions/src/onboarding/items';
import { demoStreetOf, streetDemoUsers, streetSeedItems } from './seed-street';
import { demoCareTags, wishDemoUsers, wishSeedItems } from './seed-wishes';
import { demoVisitState, gridDemoUsers, gridSeedItems } from './seed-grid';
import { needSeedItems } from './seed-needs';
import {
  demoBuildings,
  demoCanteens,
  demoCareLinks,
  demoActivity,
  demoCommunity,
  demoGrids,
  demoMembers,
  demoMealDelivery,
  demoMenuDishes,
  demoMerchants,
  demoSubsidyBands,
  demoSessions,
  demoStartingPoints,
  demoTopics,
  demoUsers,
  demoVenues,
} from './seed-data';

const SEEDED_AT = '2026-01-01T00:00:00.000Z';

function demoMemberRecord(m: (typeof demoMembers)[number]): MemberRecord {
  const building = demoBuildings.find((b) => b.id === m.buildingId);
  const unit = building?.units.find((u) => u.id === m.unitId);
  if (!building || !unit) throw new Error(`demo member ${m.memberId} lives nowhere`);
  const address = {
    communityId: demoCommunity.id,
    communityName: demoCommunity.name,
    buildingId: building.id,
    buildingName: building.name,
    unitId: unit.id,
    unitName: unit.name,
    room: m.room,
  };
  return {
    memberId: m.memberId,
    ...address,
    householdKey: householdKey(address),
    realName: m.realName,
    birthDate: m.birthDate,
    phone: m.phone,
    userId: m.userId,
    status: 'verified',
    registeredBy: 'u-staff',
    createdAt: SEEDED_AT,
  };
}

const STAGES = ['submitted', 'approved', 'scheduled', 'decided', 'in_progress', 'done'] as const;

/** The demo topics with their timelines, co-signs, ratings and index links, as the API would have left them. */
function topicItems(now: Date): Record<string, unknown>[] {
  const sessions = demoSessions(now);
  const members = new Map(demoMembers.map((m) => [m.memberId, m]));
  const buildingName = (id: string) => demoBuildings.find((b) => b.id === id)?.name ?? '';
  return demoTopics.flatMap((d) => {
    const author = members.get(d.authorMemberId)!;
    const steps = STAGES.slice(0, STAGES.indexOf(d.stage) + 1);
    const day = 24 * 3600_000;
    // Submitted d.daysAgo days ago, one step a day after that (the last step no later than now).
    const at = (i: number) =>
      new Date(now.getTime() - Math.max(d.daysAgo - i * 4, 0) * day - (steps.length - i) * 60_000).toISOString();
    const session = d.sessionId ? sessions.find((x) => x.sessionId === d.sessionId) : undefined;
    const ratings = d.ratings ?? [];
    const actions = d.actions ?? [];
    const decision = d.decision;
    const notes: Record<string, string | undefined> = {
      approved: '问题属实，提交议事会讨论',
      scheduled: session ? `安排在议事会「${session.title}」` : '安排在十月居民议事会',
      decided: decision?.text,
      in_progress: actions.length > 0 ? `行动项：${actions.map((a) => a.title).join('、')}` : undefined,
      done: '两项行动均已完成',
    };
    const timeline: TimelineRecord[] = steps.map((to, i) => ({
      topicId: d.topicId,
      seq: i,
      at: at(i),
      byId: i === 0 ? (author.userId ?? 'u-staff') : 'u-staff',
      byName: i === 0 ? author.realName : '刘晶',
      byRole: i === 0 ? 'resident' : 'staff',
      from: i === 0 ? null : steps[i - 1]!,
      to,
      note: notes[to],
    }));
    const topic: TopicRecord = {
      topicId: d.topicId,
      communityId: demoCommunity.id,
      title: d.title,
      description: d.description,
      category: d.category,
      scope: d.scope,
      scopeLabel: d.scope.kind === 'community' ? '全社区' : buildingName(d.scope.buildingId),
      authorMemberId: author.memberId,
      authorName: author.realName,
      recordedByUserId: author.userId ?? 'u-staff',
      recordedByName: author.realName,
      via: 'self',
      status: d.stage,
      version: timeline.length,
      cosignCount: d.cosigners.length,
      ratingSum: ratings.reduce((sum, r) => sum + r.stars, 0),
      ratingCount: ratings.length,
      ...(session
        ? { sessionId: session.sessionId, sessionTitle: session.title, sessionStartsAt: session.startsAt }
        : {}),
      decision,
      actions,
      createdAt: timeline[0]!.at,
      statusAt: timeline.at(-1)!.at,
      ...(d.stage === 'done' ? { doneAt: timeline.at(-1)!.at } : {}),
    };
    return [
      topicItem(topic, OPEN_STATES.includes(topic.status)),
      memberTopicItem(topic),
      ...timeline.map(timelineItem),
      ...d.cosigners.map((memberId) =>
        cosignItem({ topicId: d.topicId, memberId, byUserId: members.get(memberId)?.userId ?? 'u-staff', at: at(0) }),
      ),
      ...ratings.map((r) =>
        ratingItem({
          topicId: d.topicId,
          memberId: r.memberId,
          memberName: members.get(r.memberId)?.realName ?? '',
          byUserId: members.get(r.memberId)?.userId ?? 'u-volunteer',
          stars: r.stars,
          comment: r.comment,
          at: topic.statusAt,
        }),
      ),
      ...(session ? [sessionTopicItem(session.sessionId, topic, timeline.at(-1)!.at)] : []),
    ];
  });
}

/** Every item of the demo community, with its keys. */
export function seedItems(): Record<string, unknown>[] {
  const c = demoCommunity.id;
  const caregiverName = (userId: string) => demoUsers.find((u) => u.id === userId)?.name ?? '';
  const visitState = demoVisitState(new Date());
  return [
    healthItem(),
    communityMetaItem({ ...demoCommunity, ...demoStreetOf() }),
    ...streetSeedItems(),
    ...demoGrids.map((g) => gridItem({ communityId: c, ...g })),
    ...demoBuildings.map((b) => buildingItem({ communityId: c, ...b })),
    ...demoCanteens.map((x) => canteenItem({ communityId: c, ...x })),
    canteenSettingsItem(c, { subsidyBands: demoSubsidyBands }),
    ...demoMealDelivery.map((d) =>
      mealDeliveryItem({
        memberId: d.memberId,
        communityId: c,
        eligible: true,
        reason: d.reason,
        setBy: 'u-staff',
        setAt: SEEDED_AT,
      }),
    ),
    ...demoVenues.map((v) => venueItem({ communityId: c, ...v, version: 1 })),
    ...demoSessions(new Date()).map((x) => {
      const venue = demoVenues.find((v) => v.venueId === x.venueId)!;
      const startsAt = Date.parse(x.startsAt);
      return sessionItem({
        ...x,
        communityId: c,
        venueName: venue.name,
        venuePlace: venue.place,
        capacity: venue.capacity,
        bookingOpensAt: SEEDED_AT,
        bookingClosesAt: x.startsAt,
        cancelCutoffAt: new Date(startsAt - 2 * 3600_000).toISOString(),
        onlineSeats: venue.capacity - x.reservedSeats,
        booked: 0,
        waiting: 0,
        status: 'scheduled',
        createdBy: 'u-staff',
        createdAt: SEEDED_AT,
      });
    }),
    ...demoMerchants.flatMap((x) => [
      merchantItem({ communityId: c, ...x }),
      ...(x.inviteCode ? [merchantInviteItem(x.inviteCode, { communityId: c, id: x.id })] : []),
      ...(x.operatorUserId ? [merchantOperatorItem(x.operatorUserId, { communityId: c, merchantId: x.id })] : []),
    ]),
    ...demoUsers
      .filter((u) => u.grants.some((g) => g.role === 'volunteer'))
      .map((u) =>
        volunteerItem({ userId: u.id, communityId: c, name: u.name, showOnStarList: true, joinedAt: SEEDED_AT }),
      ),
    activityItem({
      ...demoActivity(new Date()),
      communityId: c,
      signedUp: 0,
      createdBy: 'u-staff',
      createdAt: SEEDED_AT,
    }),
    ...[...demoUsers, ...streetDemoUsers, ...wishDemoUsers, ...gridDemoUsers].flatMap((u) => {
      const openid = `dev-${u.devCode.slice('dev:'.length)}`;
      return [
        userItem({
          userId: u.id,
          openid,
          name: u.name,
          grants: u.grants,
          memberId: u.memberId,
          tokenVersion: 1,
          createdAt: SEEDED_AT,
          devCode: u.devCode,
          roleLabel: u.roleLabel,
        }),
        openidItem(openid, u.id),
        ...(u.memberId ? [membershipLockItem(u.id, 'seeded', 'approved')] : []),
      ];
    }),
    ...demoMembers.map((m) => ({
      ...memberItem(demoMemberRecord(m)),
      ...(demoCareTags[m.memberId] ? { tags: demoCareTags[m.memberId] } : {}),
      ...visitState[m.memberId],
    })),
    ...wishSeedItems(new Date()),
    ...gridSeedItems(new Date()),
    ...needSeedItems(new Date()),
    ...topicItems(new Date()),
    ...demoCareLinks.flatMap((l) => [
      careGrantItem(l.dependentMemberId, l.caregiverUserId, 'active', l.linkId),
      linkItem({
        ...l,
        communityId: c,
        caregiverName: caregiverName(l.caregiverUserId),
        status: 'active',
        createdAt: SEEDED_AT,
        decidedAt: SEEDED_AT,
        decidedBy: 'u-staff',
      }),
    ]),
  ];
}

/**
 * Today's and tomorrow's lunch and dinner of each demo canteen, dated from `now` in Asia/Shanghai,
 * each as the items publishing writes (menu META, then its dishes). Dish ids are fixed per date
 * and meal, so seeding again names the same items.
 */
export function demoMenus(now: Date): { menu: MenuRecord; dishes: DishRecord[] }[] {
  const today = todayInShanghai(now);
  return demoCanteens.flatMap((canteen) =>
    [today, addDays(today, 1)].flatMap((date) =>
      (['lunch', 'dinner'] as const).flatMap((meal) => {
        const times = canteen.meals.find((m) => m.meal === meal);
        if (!times) return [];
        const dishes: DishRecord[] = demoMenuDishes[meal].map((d, i) => ({
          dishId: `seed-${date}-${meal}-${i + 1}`,
          name: d.name,
          priceFen: d.priceFen,
          portions: d.portions,
          left: d.portions,
          perPersonLimit: d.perPersonLimit,
          tags: [...d.tags],
        }));
        const menu: MenuRecord = {
          communityId: demoCommunity.id,
          canteenId: canteen.canteenId,
          canteenName: canteen.name,
          canteenPlace: canteen.place,
          date,
          meal,
          cutoffAt: shanghaiTime(date, times.cutoff),
          pickupStartsAt: shanghaiTime(date, times.pickupStart),
          pickupEndsAt: shanghaiTime(date, times.pickupEnd),
          dishIds: dishes.map((d) => d.dishId),
          publishedBy: 'u-staff',
          publishedAt: now.toISOString(),
        };
        return [{ menu, dishes }];
      }),
    ),
  );
}

/**
 * Writes the demo data, leaving items that already exist untouched, so seeding twice is
 * harmless and never overwrites what people changed while using the dev stack.
 */
export async function seed(client: DynamoDBClient, tableName: string): Promise<{ written: number; kept: number }> {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  let written = 0;
  let kept = 0;
  for (const item of seedItems()) {
    try {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      written += 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      kept += 1;
    }
  }
  // Menus go in whole or not at all: a meal staff already published (or an earlier seed did) is kept.
  for (const { menu, dishes } of demoMenus(new Date())) {
    try {
      await doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: menuItem(menu), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...dishes.map((d) => ({ Put: { TableName: tableName, Item: dishItem(menu, d) } })),
          ],
        }),
      );
      written += 1;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      kept += 1;
    }
  }
  // The demo volunteer's starting balance: a real posting (balanced entries, balances, month figures).
  const start = demoStartingPoints;
  const draft = adjustment('seed-starting-points', start.userId, start.points, start.reason);
  const posting: PostingRecord = {
    postingId: '01JSEED0000000000000000000',
    communityId: demoCommunity.id,
    postingKey: `seed#starting-points-${start.userId}`,
    kind: 'seed',
    reason: draft.reason,
    entries: draft.entries,
    postedAt: SEEDED_AT,
    month: shanghaiMonth(SEEDED_AT),
    byUserId: 'u-staff',
    byName: '刘晶',
    volunteerUserId: start.userId,
    volunteerName: start.name,
  };
  // Loaded here, not at the top: jest's global setups import this module without the @linli/shared alias.
  const { postingWrites } = await import('../../functions/src/points/ledger-items');
  try {
    const writes = postingWrites(posting, tableName, { shard: 0 });
    await doc.send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.write) as never }));
    written += 1;
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    kept += 1;
  }
  return { written, kept };
}
