/** Identity data for the mini-program's component tests, shaped as the API returns it. */
import type { Reply, RoleGrant, Routes } from '@linli/shared/contract';

type Me = Reply<Routes['getMe']>;
type MemberCard = NonNullable<Me['member']>;
type Application = NonNullable<Me['latestApplication']>;
type DependentLink = Me['dependents'][number];

/** An access token as the client sees it: only its payload matters (the server checks the rest). */
export function accessTokenWith(grants: RoleGrant[], name = '王桂芳'): string {
  const json = JSON.stringify({ sub: 'u-1', name, grants });
  const payload = btoa(unescape(encodeURIComponent(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiJ9.${payload}.signature`;
}

export const residentGrant: RoleGrant = {
  role: 'resident',
  communityId: 'anjuyuan',
  buildingId: 'b1',
  memberId: 'm-wang',
};

export const memberCard = (over: Partial<MemberCard> = {}): MemberCard => ({
  memberId: 'm-wang',
  realName: '王桂芳',
  communityId: 'anjuyuan',
  communityName: '安居苑社区',
  buildingId: 'b1',
  buildingName: '1号楼',
  unitId: 'u1',
  unitName: '1单元',
  room: '302',
  age: 64,
  phoneMasked: '138****2345',
  hasWeChat: true,
  status: 'verified',
  ...over,
});

export const application = (over: Partial<Application> = {}): Application => ({
  applicationId: 'app-1',
  communityId: 'anjuyuan',
  communityName: '安居苑社区',
  buildingId: 'b2',
  buildingName: '2号楼',
  unitId: 'u1',
  unitName: '1单元',
  room: '501',
  realName: '赵明',
  age: 66,
  phoneMasked: '139****5678',
  status: 'pending',
  createdAt: '2026-11-20T01:30:00.000Z',
  ...over,
});

export const dependentLink = (over: Partial<DependentLink> = {}): DependentLink => ({
  linkId: 'link-1',
  communityId: 'anjuyuan',
  caregiverUserId: 'u-1',
  caregiverName: '王桂芳',
  relation: '父母',
  dependent: memberCard({
    memberId: 'm-li',
    realName: '李秀英',
    age: 86,
    phoneMasked: undefined,
    hasWeChat: false,
  }),
  status: 'pending',
  createdAt: '2026-11-20T01:30:00.000Z',
  ...over,
});

export const me = (over: Partial<Me> = {}): Me => ({
  userId: 'u-1',
  name: '王桂芳',
  grants: [residentGrant],
  member: memberCard(),
  latestApplication: null,
  dependents: [],
  ...over,
});

/** A newcomer: signed in, no roles, nothing applied for. */
export const newcomer = (over: Partial<Me> = {}): Me =>
  me({ name: '微信用户', grants: [], member: null, latestApplication: null, dependents: [], ...over });
