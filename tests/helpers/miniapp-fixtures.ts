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

type Community = Reply<Routes['getCommunity']>;

/** `count` units named 1单元, 2单元… */
export const unitsNamed = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `u${i + 1}`, name: `${i + 1}单元` }));

/**
 * GET /community/anjuyuan: 安居苑社区 with b1 (72 户) and b2 (48 户) in 第一网格 and, unless left out,
 * b5 (96 户) in 第二网格; `units` gives each building's unit count (none by default).
 */
export function anjuyuanCommunity(
  options: { units?: { b1: number; b2: number; b5: number }; secondGrid?: boolean; leader?: string } = {},
): Community {
  const units = options.units ?? { b1: 0, b2: 0, b5: 0 };
  const building = (id: 'b1' | 'b2' | 'b5', gridId: string, name: string, households: number) => ({
    id,
    gridId,
    name,
    address: name,
    households,
    units: unitsNamed(units[id]),
  });
  return {
    id: 'anjuyuan',
    name: '安居苑社区',
    city: '银川市',
    district: '金凤区',
    address: '安居苑小区',
    grids: [
      {
        id: 'grid-1',
        name: '第一网格',
        ...(options.leader ? { leader: options.leader } : {}),
        buildings: [building('b1', 'grid-1', '1号楼', 72), building('b2', 'grid-1', '2号楼', 48)],
      },
      ...(options.secondGrid === false
        ? []
        : [{ id: 'grid-2', name: '第二网格', buildings: [building('b5', 'grid-2', '5号楼', 96)] }]),
    ],
  };
}
