/**
 * The single table: key shapes, index names and the access patterns they serve.
 * CDK imports the attribute and index names from here, so the table and the code agree.
 *
 * Access patterns (also in docs/data-model.md):
 *  AP1  community with grids, buildings, units     Query pk=COMMUNITY#<id>
 *  AP2  health probe of the table                  DescribeTable-free GetItem pk=HEALTH sk=HEALTH
 *  AP3  idempotency record of a request            GetItem pk=IDEMPOTENCY#<user>#<route>#<key> sk=IDEMPOTENCY
 *  AP4  a user's profile and role grants            GetItem pk=USER#<id> sk=PROFILE
 *  AP5  a community's canteens, venues, merchants   Query pk=COMMUNITY#<id> begins_with(sk, CANTEEN#|VENUE#|MERCHANT#)
 *  AP6  the user behind a WeChat openid             GetItem pk=OPENID#<openid> sk=USER
 *  AP7  a user's applications, newest first         Query gsi1 gsi1pk=USER#<id>#APPLICATIONS
 *  AP8  a community's applications by status        Query gsi2 gsi2pk=COMMUNITY#<id>#APPLICATIONS#<STATUS> (oldest first)
 *  AP9  a member record                             GetItem pk=MEMBER#<id> sk=META
 *  AP10 a community's members, by building          Query gsi1 gsi1pk=COMMUNITY#<id>#MEMBERS [begins_with(gsi1sk, <building>#)]
 *  AP11 the members of a household                  Query gsi2 gsi2pk=HOUSEHOLD#<key>
 *  AP12 may user U act for member M                 GetItem pk=MEMBER#<M> sk=CAREGIVER#<U>
 *  AP13 a caregiver's dependent links               Query gsi1 gsi1pk=USER#<id>#LINKS
 *  AP14 a community's dependent links by status     Query gsi2 gsi2pk=COMMUNITY#<id>#LINKS#<STATUS> (oldest first)
 *  AP15 the demo logins (dev mode only)             Query gsi1 gsi1pk=DEVLOGINS
 *  AP16 a council session                           GetItem pk=SESSION#<id> sk=META
 *  AP17 a community's sessions by start             Query gsi1 gsi1pk=COMMUNITY#<id>#SESSIONS gsi1sk >= <now>
 *  AP18 a venue's sessions by start (overlaps)      Query gsi2 gsi2pk=VENUE#<community>#<venue>
 *  AP19 a member's booking of a session             GetItem pk=SESSION#<id> sk=BOOKING#<member>
 *  AP20 a session's bookings (attendee list)        Query pk=SESSION#<id> begins_with(sk, BOOKING#)
 *       (also a waitlisted booking's place: consistent COUNT of earlier waitKeys, the index may lag)
 *  AP21 a session's waitlist in arrival order       Query gsi2 gsi2pk=SESSION#<id>#WAIT (head: Limit 1)
 *  AP22 a member's bookings by session start        Query gsi1 gsi1pk=MEMBER#<id>#BOOKINGS
 *  AP23 the booking behind a check-in code          GetItem pk=SESSION#<id> sk=CODE#<code>
 *  AP24 a community's council settings              GetItem pk=COMMUNITY#<id> sk=SETTINGS#council
 *  AP25 an outbox event (notifications)             Put pk=OUTBOX#<id> sk=EVENT, read from the stream
 *  AP26 a user's messages, newest first             Query pk=USER#<id> begins_with(sk, MSG#) descending
 *  AP27 a user's unread count                       GetItem pk=USER#<id> sk=INBOX
 *  AP28 a user's consent for a WeChat template      GetItem pk=USER#<id> sk=CONSENT#<template>
 *  AP29 a community's deliveries of one day         Query pk=DELIVERY#<community>#<yyyy-mm-dd>
 *  AP30 every community (scheduled jobs)            Query gsi2 gsi2pk=COMMUNITIES
 *  AP31 an agenda topic (议题)                       GetItem pk=TOPIC#<id> sk=META
 *  AP32 a topic's timeline, in order                Query pk=TOPIC#<id> begins_with(sk, TL#)
 *  AP33 has member M co-signed / rated topic T      GetItem pk=TOPIC#<T> sk=COSIGN#<M> | RATING#<M>; Query begins_with for all
 *  AP34 a community's topics by status              Query gsi1 gsi1pk=COMMUNITY#<id>#TOPICS#<STATUS> (queue oldest first; done = 晒事栏 newest first)
 *  AP35 open topics by scope (附议)                  Query gsi2 gsi2pk=COMMUNITY#<id>#OPENTOPICS#<ALL|building>
 *  AP36 a member's own topics, newest first         Query pk=MEMBER#<id> begins_with(sk, TOPIC#) descending
 *  AP37 the topics scheduled into a session         Query pk=SESSION#<id> begins_with(sk, TOPIC#)
 *  AP38 a member's topic ratings (account erasure)  Query gsi1 gsi1pk=MEMBER#<id>#RATINGS
 *  AP39 a photo's WeChat check / by trace id       GetItem pk=MEDIA#<sha256(url)> sk=CHECK | pk=MEDIATRACE#<trace> sk=MEDIA
 *  AP40 a community's canteen settings (subsidies)  GetItem pk=COMMUNITY#<id> sk=SETTINGS#canteen
 *  AP41 a member's delivery eligibility             GetItem pk=MEMBER#<id> sk=MEALDELIVERY
 *  AP42 a community's delivery-eligible members     Query gsi1 gsi1pk=COMMUNITY#<id>#MEALDELIVERY
 *  AP43 a menu (canteen, date, meal)                GetItem pk=MENU#<c>#<canteen>#<date>#<meal> sk=META
 *  AP44 a community's menus by date                 Query gsi1 gsi1pk=COMMUNITY#<id>#MENUS gsi1sk BETWEEN <from> AND <to>
 *  AP45 a menu's dishes (stock in `left`)           Query pk=MENU#… begins_with(sk, DISH#)
 *  AP46 a member's portions of a dish (limit)       UpdateItem pk=MENU#… sk=TAKEN#<dish>#<member>
 *  AP47 the order behind a pickup code              GetItem pk=MENU#… sk=CODE#<code>
 *  AP48 a member's subsidy for a meal of a day      GetItem pk=MEMBER#<id> sk=MEALSUBSIDY#<date>#<meal>
 *  AP49 a meal order                                GetItem pk=MEALORDER#<id> sk=META
 *  AP50 a canteen's orders by date, meal, building  Query gsi1 gsi1pk=MEALORDERS#<c>#<canteen> begins_with(gsi1sk, <date>#[<meal>#]) / BETWEEN (month)
 *  AP51 a member's meal orders, newest first        Query gsi2 gsi2pk=MEMBER#<id>#MEALORDERS
 *  AP55 a points account's balance                  GetItem pk=PTACCT#<community>#<account> sk=BALANCE
 *                                                   (issuance: Query begins_with(sk, BALANCE#), 8 write shards)
 *  AP56 an account's entries, newest first          Query pk=PTACCT#<community>#<account> begins_with(sk, ENTRY#[<yyyy-mm>]) desc
 *  AP57 a posting by its idempotency key            GetItem pk=PTPOSTING#<community>#<postingKey> sk=POSTING
 *  AP58 a posting by its id                         Query gsi2 gsi2pk=PTPOSTINGID#<postingId>
 *  AP59 an account's month figures                  Query pk=PTACCT#<community>#<account> begins_with(sk, MONTH#)
 *  AP60 a volunteer activity                        GetItem pk=ACTIVITY#<id> sk=META
 *  AP61 a community's activities by end             Query gsi1 gsi1pk=COMMUNITY#<id>#ACTIVITIES gsi1sk >= <now>
 *  AP62 a volunteer's signup of an activity         GetItem pk=ACTIVITY#<id> sk=SIGNUP#<user>
 *  AP63 an activity's signups                       Query pk=ACTIVITY#<id> begins_with(sk, SIGNUP#)
 *  AP64 a volunteer's signups                       Query gsi1 gsi1pk=USER#<id>#SIGNUPS
 *  AP65 a community's hours awaiting confirmation   Query gsi2 gsi2pk=COMMUNITY#<id>#HOURS#PENDING (oldest first)
 *  AP66 a user's volunteer profile in a community   GetItem pk=USER#<id> sk=VOLUNTEER#<community>
 *  AP67 a community's volunteers                    Query gsi1 gsi1pk=COMMUNITY#<id>#VOLUNTEERS
 *  AP68 a month's volunteer minutes (志愿之星)       Query pk=PTSTARS#<community>#<yyyy-mm>
 *  AP69 a merchant invite code                      GetItem pk=MERCHANTINVITE#<code> sk=META
 *  AP70 the merchant a user operates                GetItem pk=USER#<id> sk=MERCHANT
 *  AP71 a community's points settings               GetItem pk=COMMUNITY#<id> sk=SETTINGS#points
 *  AP72 manual adjustments and reversals (audit)    Query gsi1 gsi1pk=COMMUNITY#<id>#PTAUDIT newest first
 *  AP73 the redemption behind a typed short code    GetItem pk=REDEEMCODE#<community>#<code> sk=META
 *  AP74 a user's wrong typed codes in one minute    UpdateItem pk=ATTEMPTS#<scope>#<user> sk=MINUTE#<epoch minute>
 *  AP80–AP87 care (微心愿, partner units, care settings): keys and list in functions/src/care/items.ts
 *  AP88–AP89b care needs (求助: a need and its timeline, by status, by assignee, a member's): functions/src/care/need-items.ts
 *  AP120–AP123 care visits (grid workers, visits, intervals, a grid's people): keys and list in functions/src/care/visit-items.ts
 *  AP90 a street office (街道)                       GetItem pk=STREET#<id> sk=META
 *  AP91 every street office, by name                Query gsi1 gsi1pk=STREETS
 *  AP92 a street's communities, by name             Query gsi1 gsi1pk=STREET#<id>#COMMUNITIES
 *  AP93 a one-time invite                           GetItem pk=INVITE#<code> sk=META
 *  AP94 a scope's invites, newest first             Query gsi1 gsi1pk=ROLES#<PLATFORM|STREET#id>#INVITES
 *  AP95 a scope's role holders                      Query pk=ROLES#<PLATFORM|STREET#id> begins_with(sk, HOLDER#)
 *  AP96 a scope's appointment audit, newest first   Query pk=ROLES#<PLATFORM|STREET#id> begins_with(sk, AUDIT#) desc
 *  AP97 a user's privacy-guide consents             Query pk=USER#<id> begins_with(sk, PRIVACY#)
 *  AP98 structure editor: grids / buildings         Query pk=COMMUNITY#<id> begins_with(sk, GRID#|BUILDING#) (consistent);
 *       change = Put conditioned on `version` read (absent = 0); reorder = TransactWrite of `order`
 *  AP99 members per building and unit (no data)     Query gsi1 gsi1pk=COMMUNITY#<id>#MEMBERS, ProjectionExpression gsi1sk;
 *       may delete? = the same with begins_with(gsi1sk, <building>#[<unit>#]) Limit 1, plus AP8 pending
 *  AP100 street figures of a month, per community   AP92 for the communities, then per community:
 *       verified members = AP10 Select COUNT (filter status, createdAt < month end);
 *       council = AP17 BETWEEN month bounds + AP20 per session held; topics = AP34 per state BETWEEN
 *       month bounds (ratingSum/ratingCount counters of done topics); meals = AP50 BETWEEN the
 *       month's dates per canteen; points = AP59 month items (issuance shards, merchants) and
 *       AP68 (the month's minutes per volunteer). No Scan; reads grow with the month's activity.
 *  AP130 a photo's upload ticket                    GetItem pk=PHOTO#<id> sk=TICKET (functions/src/photos/items.ts)
 *  AP110–AP113 roster (居民台账: people, import jobs and their chunks): keys and list in functions/src/roster/items.ts
 */

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** Generic secondary indexes; each entity documents what it puts in them. */
export const GSI = {
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
} as const;

/** Epoch seconds after which DynamoDB may delete an item (DynamoDB Local never does: filter on it). */
export const TTL_ATTRIBUTE = 'expiresAt';

export const key = {
  community: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'META' }),
  grid: (communityId: string, gridId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `GRID#${gridId}`,
  }),
  building: (communityId: string, buildingId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `BUILDING#${buildingId}`,
  }),
  canteen: (communityId: string, canteenId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `CANTEEN#${canteenId}`,
  }),
  venue: (communityId: string, venueId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `VENUE#${venueId}`,
  }),
  merchant: (communityId: string, merchantId: string) => ({
    pk: `COMMUNITY#${communityId}`,
    sk: `MERCHANT#${merchantId}`,
  }),
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'USER' }),
  /** One open-or-approved membership per user; its existence refuses a second application. */
  membershipLock: (userId: string) => ({ pk: `USER#${userId}`, sk: 'MEMBERSHIP' }),
  application: (applicationId: string) => ({ pk: `APPLICATION#${applicationId}`, sk: 'META' }),
  member: (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'META' }),
  /** A caregiver's right to act for a member (pending until staff confirm). */
  careGrant: (memberId: string, userId: string) => ({ pk: `MEMBER#${memberId}`, sk: `CAREGIVER#${userId}` }),
  link: (linkId: string) => ({ pk: `LINK#${linkId}`, sk: 'META' }),
  idempotency: (userId: string, routeId: string, idempotencyKey: string) => ({
    pk: `IDEMPOTENCY#${userId}#${routeId}#${idempotencyKey}`,
    sk: 'IDEMPOTENCY',
  }),
  councilSettings: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'SETTINGS#council' }),
  session: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'META' }),
  booking: (sessionId: string, memberId: string) => ({ pk: `SESSION#${sessionId}`, sk: `BOOKING#${memberId}` }),
  checkinCode: (sessionId: string, code: string) => ({ pk: `SESSION#${sessionId}`, sk: `CODE#${code}` }),
  outbox: (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'EVENT' }),
  message: (userId: string, messageId: string) => ({ pk: `USER#${userId}`, sk: `MSG#${messageId}` }),
  inbox: (userId: string) => ({ pk: `USER#${userId}`, sk: 'INBOX' }),
  consent: (userId: string, template: string) => ({ pk: `USER#${userId}`, sk: `CONSENT#${template}` }),
  /** The user's agreement to one version of the privacy guide (隐私保护指引), kept once per version. */
  privacyConsent: (userId: string, version: string) => ({ pk: `USER#${userId}`, sk: `PRIVACY#${version}` }),
  delivery: (communityId: string, day: string, eventId: string, userId: string, channel: 'inapp' | 'wechat') => ({
    pk: `DELIVERY#${communityId}#${day}`,
    sk: `${eventId}#${userId}#${channel}`,
  }),
  topic: (topicId: string) => ({ pk: `TOPIC#${topicId}`, sk: 'META' }),
  /** Timeline entries sort by their zero-padded sequence number. */
  topicTimeline: (topicId: string, seq: number) => ({
    pk: `TOPIC#${topicId}`,
    sk: `TL#${String(seq).padStart(5, '0')}`,
  }),
  topicCosign: (topicId: string, memberId: string) => ({ pk: `TOPIC#${topicId}`, sk: `COSIGN#${memberId}` }),
  topicRating: (topicId: string, memberId: string) => ({ pk: `TOPIC#${topicId}`, sk: `RATING#${memberId}` }),
  memberTopic: (memberId: string, topicId: string) => ({ pk: `MEMBER#${memberId}`, sk: `TOPIC#${topicId}` }),
  sessionTopic: (sessionId: string, topicId: string) => ({ pk: `SESSION#${sessionId}`, sk: `TOPIC#${topicId}` }),
  health: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
  canteenSettings: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'SETTINGS#canteen' }),
  mealDelivery: (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'MEALDELIVERY' }),
  menu: (communityId: string, canteenId: string, date: string, meal: string) => ({
    pk: `MENU#${communityId}#${canteenId}#${date}#${meal}`,
    sk: 'META',
  }),
  dish: (menuPk: string, dishId: string) => ({ pk: menuPk, sk: `DISH#${dishId}` }),
  portionsTaken: (menuPk: string, dishId: string, memberId: string) => ({
    pk: menuPk,
    sk: `TAKEN#${dishId}#${memberId}`,
  }),
  pickupCode: (menuPk: string, code: string) => ({ pk: menuPk, sk: `CODE#${code}` }),
  mealSubsidy: (memberId: string, date: string, meal: string) => ({
    pk: `MEMBER#${memberId}`,
    sk: `MEALSUBSIDY#${date}#${meal}`,
  }),
  mealOrder: (orderId: string) => ({ pk: `MEALORDER#${orderId}`, sk: 'META' }),
  /** A points account's balance; the issuance account keeps `shards` items to spread its writes. */
  pointsBalance: (communityId: string, account: string, shard?: number) => ({
    pk: `PTACCT#${communityId}#${account}`,
    sk: shard === undefined ? 'BALANCE' : `BALANCE#${shard}`,
  }),
  pointsEntry: (communityId: string, account: string, month: string, postedAt: string, postingId: string) => ({
    pk: `PTACCT#${communityId}#${account}`,
    sk: `ENTRY#${month}#${postedAt}#${postingId}`,
  }),
  pointsMonth: (communityId: string, account: string, month: string, shard?: number) => ({
    pk: `PTACCT#${communityId}#${account}`,
    sk: shard === undefined ? `MONTH#${month}` : `MONTH#${month}#${shard}`,
  }),
  posting: (communityId: string, postingKey: string) => ({
    pk: `PTPOSTING#${communityId}#${postingKey}`,
    sk: 'POSTING',
  }),
  activity: (activityId: string) => ({ pk: `ACTIVITY#${activityId}`, sk: 'META' }),
  signup: (activityId: string, userId: string) => ({ pk: `ACTIVITY#${activityId}`, sk: `SIGNUP#${userId}` }),
  volunteer: (userId: string, communityId: string) => ({ pk: `USER#${userId}`, sk: `VOLUNTEER#${communityId}` }),
  volunteerStar: (communityId: string, month: string, userId: string) => ({
    pk: `PTSTARS#${communityId}#${month}`,
    sk: `USER#${userId}`,
  }),
  /** A redemption's typed short code → its signed code (AP73). */
  redemptionShortCode: (communityId: string, code: string) => ({ pk: `REDEEMCODE#${communityId}#${code}`, sk: 'META' }),
  /** Wrong typed codes of a user in one minute (AP74). */
  codeAttempts: (scope: string, userId: string, minute: number) => ({
    pk: `ATTEMPTS#${scope}#${userId}`,
    sk: `MINUTE#${minute}`,
  }),
  merchantInvite: (code: string) => ({ pk: `MERCHANTINVITE#${code}`, sk: 'META' }),
  merchantOperator: (userId: string) => ({ pk: `USER#${userId}`, sk: 'MERCHANT' }),
  pointsSettings: (communityId: string) => ({ pk: `COMMUNITY#${communityId}`, sk: 'SETTINGS#points' }),
  street: (streetId: string) => ({ pk: `STREET#${streetId}`, sk: 'META' }),
  invite: (code: string) => ({ pk: `INVITE#${code}`, sk: 'META' }),
  /** Scope: `PLATFORM` or `STREET#<id>` (a street's operators and its communities' staff). */
  roleHolder: (scope: string, role: string, communityId: string | undefined, userId: string) => ({
    pk: `ROLES#${scope}`,
    sk: `HOLDER#${role}#${communityId ?? '-'}#${userId}`,
  }),
  roleAudit: (scope: string, at: string, id: string) => ({ pk: `ROLES#${scope}`, sk: `AUDIT#${at}#${id}` }),
} as const;

/** Values of the generic index attributes, one builder per access pattern. */
export const index = {
  userApplications: (userId: string) => `USER#${userId}#APPLICATIONS`,
  communityApplications: (communityId: string, status: string) =>
    `COMMUNITY#${communityId}#APPLICATIONS#${status.toUpperCase()}`,
  communityMembers: (communityId: string) => `COMMUNITY#${communityId}#MEMBERS`,
  memberSort: (m: { buildingId: string; unitId: string; room: string; memberId: string }) =>
    `${m.buildingId}#${m.unitId}#${m.room}#${m.memberId}`,
  household: (householdKey: string) => `HOUSEHOLD#${householdKey}`,
  userLinks: (userId: string) => `USER#${userId}#LINKS`,
  communityLinks: (communityId: string, status: string) => `COMMUNITY#${communityId}#LINKS#${status.toUpperCase()}`,
  devLogins: () => 'DEVLOGINS',
  communities: () => 'COMMUNITIES',
  communitySessions: (communityId: string) => `COMMUNITY#${communityId}#SESSIONS`,
  venueSessions: (communityId: string, venueId: string) => `VENUE#${communityId}#${venueId}`,
  sessionWaitlist: (sessionId: string) => `SESSION#${sessionId}#WAIT`,
  memberBookings: (memberId: string) => `MEMBER#${memberId}#BOOKINGS`,
  memberRatings: (memberId: string) => `MEMBER#${memberId}#RATINGS`,
  communityTopics: (communityId: string, status: string) => `COMMUNITY#${communityId}#TOPICS#${status.toUpperCase()}`,
  /** `ALL` for community-wide topics, else the building's id. */
  openTopics: (communityId: string, scopeKey: string) => `COMMUNITY#${communityId}#OPENTOPICS#${scopeKey}`,
  communityMealDelivery: (communityId: string) => `COMMUNITY#${communityId}#MEALDELIVERY`,
  communityMenus: (communityId: string) => `COMMUNITY#${communityId}#MENUS`,
  canteenOrders: (communityId: string, canteenId: string) => `MEALORDERS#${communityId}#${canteenId}`,
  memberMealOrders: (memberId: string) => `MEMBER#${memberId}#MEALORDERS`,
  postingId: (postingId: string) => `PTPOSTINGID#${postingId}`,
  pointsAudit: (communityId: string) => `COMMUNITY#${communityId}#PTAUDIT`,
  communityActivities: (communityId: string) => `COMMUNITY#${communityId}#ACTIVITIES`,
  userSignups: (userId: string) => `USER#${userId}#SIGNUPS`,
  pendingHours: (communityId: string) => `COMMUNITY#${communityId}#HOURS#PENDING`,
  communityVolunteers: (communityId: string) => `COMMUNITY#${communityId}#VOLUNTEERS`,
  streets: () => 'STREETS',
  streetCommunities: (streetId: string) => `STREET#${streetId}#COMMUNITIES`,
  scopeInvites: (scope: string) => `ROLES#${scope}#INVITES`,
} as const;

/** Prefix of every item in a community's partition, for Query. */
export const communityPartition = (communityId: string) => `COMMUNITY#${communityId}`;

/** Entity type tag stored on every item, so a stream consumer can tell items apart. */
export type EntityType =
  | 'Community'
  | 'Grid'
  | 'Building'
  | 'Canteen'
  | 'Venue'
  | 'Merchant'
  | 'User'
  | 'OpenId'
  | 'MembershipLock'
  | 'Application'
  | 'Member'
  | 'CareGrant'
  | 'Link'
  | 'Idempotency'
  | 'CodeAttempts'
  | 'RedemptionShortCode'
  | 'Health';
