/**
 * The single table: attribute and index names, the keys several features share, and the access
 * patterns. CDK imports the attribute and index names from here, so the table and the code agree.
 * Every other item type is declared once, key, index values and type tag, in its feature's
 * items.ts (e.g. council/items.ts); functions/src/entity-types.ts lists them all.
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
 *  AP21 a session's waitlist in arrival order       GetItem pk=SESSION#<id> sk=META (its `waitlist` list)
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

/**
 * The partitions several features keep items in: a community's (its structure, canteens, venues,
 * merchants, settings), a member's, a user's and a council session's. Each feature's items.ts
 * builds its keys in them with these.
 */
export const partition = {
  community: (communityId: string) => `COMMUNITY#${communityId}`,
  member: (memberId: string) => `MEMBER#${memberId}`,
  user: (userId: string) => `USER#${userId}`,
  session: (sessionId: string) => `SESSION#${sessionId}`,
} as const;

/**
 * Keys that several features read or write: the community's partition and structure, users,
 * members, council sessions, a caregiver's link and a volunteer's profile. Their type tags and
 * item builders belong to the owning feature (onboarding: Community; community: Grid, Building;
 * identity: User, Member, Link; council: Session; points: Volunteer).
 */
export const key = {
  community: (communityId: string) => ({ pk: partition.community(communityId), sk: 'META' }),
  grid: (communityId: string, gridId: string) => ({
    pk: partition.community(communityId),
    sk: `GRID#${gridId}`,
  }),
  building: (communityId: string, buildingId: string) => ({
    pk: partition.community(communityId),
    sk: `BUILDING#${buildingId}`,
  }),
  /** Sort-key prefixes of a community's grids and buildings (AP98). */
  gridPrefix: 'GRID#',
  buildingPrefix: 'BUILDING#',
  user: (userId: string) => ({ pk: partition.user(userId), sk: 'PROFILE' }),
  member: (memberId: string) => ({ pk: partition.member(memberId), sk: 'META' }),
  session: (sessionId: string) => ({ pk: partition.session(sessionId), sk: 'META' }),
  link: (linkId: string) => ({ pk: `LINK#${linkId}`, sk: 'META' }),
  volunteer: (userId: string, communityId: string) => ({ pk: partition.user(userId), sk: `VOLUNTEER#${communityId}` }),
} as const;

/** Index values several features query. */
export const index = {
  communityMembers: (communityId: string) => `COMMUNITY#${communityId}#MEMBERS`,
  /** Every community (scheduled jobs, AP30). */
  communities: () => 'COMMUNITIES',
  /** A community's council sessions by start (AP17; session reminders read it too). */
  communitySessions: (communityId: string) => `COMMUNITY#${communityId}#SESSIONS`,
  /** A community's volunteers (AP67; care lists them to hand a need to one). */
  communityVolunteers: (communityId: string) => `COMMUNITY#${communityId}#VOLUNTEERS`,
} as const;
