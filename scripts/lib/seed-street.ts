/**
 * The demo street office: 金凤区满城北街街道 with two communities (安居苑社区 from seed-data and
 * a second, 新华苑社区, with its own staff and residents), a street operator, and the role list
 * and audit lines their appointments would have left.
 */
import { householdKey } from '../../shared/src/domain/identity/person';
import { streetScope } from '../../shared/src/domain/onboarding/invites';
import { memberItem } from '../../functions/src/identity/items';
import type { HolderRecord, StreetRecord } from '../../functions/src/onboarding/records';
import { buildingItem, gridItem } from '../../functions/src/community/items';
import {
  auditItem,
  communityMetaItem,
  holderItem,
  streetItem,
  streetNameLock,
} from '../../functions/src/onboarding/items';

const AT = '2026-01-01T00:00:00.000Z';
export const DEMO_STREET: StreetRecord = {
  id: 'manchengbei',
  name: '满城北街街道',
  city: '银川市',
  district: '金凤区',
  createdAt: AT,
  createdBy: 'u-admin',
};

const SCOPE = streetScope(DEMO_STREET.id);

export const SECOND_COMMUNITY = {
  id: 'xinhuayuan',
  name: '新华苑社区',
  city: '银川市',
  district: '金凤区',
  address: '宁夏银川市金凤区新华苑小区',
  streetId: DEMO_STREET.id,
  streetName: DEMO_STREET.name,
};

/** The street fields a community of the demo street carries on its META item (which lists it under the street). */
export const demoStreetOf = () => ({ streetId: DEMO_STREET.id, streetName: DEMO_STREET.name });

const units = [
  { id: 'u1', name: '1单元' },
  { id: 'u2', name: '2单元' },
];

/** Logins of the street: its operator, a second staff member of the demo community, the second community's staff and one of its residents. */
export const streetDemoUsers = [
  {
    id: 'u-street',
    devCode: 'dev:street',
    name: '马建华',
    roleLabel: '街道管理员（满城北街街道）',
    grants: [{ role: 'street' as const, streetId: DEMO_STREET.id }],
  },
  {
    id: 'u-staff2',
    devCode: 'dev:staff2',
    name: '李淑芬',
    roleLabel: '社区工作人员（新华苑社区）',
    grants: [{ role: 'staff' as const, communityId: SECOND_COMMUNITY.id, streetId: DEMO_STREET.id }],
  },
  {
    id: 'u-staff3',
    devCode: 'dev:staff3',
    name: '王丽',
    roleLabel: '社区工作人员（安居苑社区，养老服务）',
    grants: [{ role: 'staff' as const, communityId: 'anjuyuan', streetId: DEMO_STREET.id }],
  },
  {
    id: 'u-resident2',
    devCode: 'dev:resident2',
    name: '杨永福',
    roleLabel: '居民（新华苑社区1号楼1单元201）',
    memberId: 'm-yang-yongfu',
    grants: [
      { role: 'resident' as const, communityId: SECOND_COMMUNITY.id, buildingId: 'xb1', memberId: 'm-yang-yongfu' },
    ],
  },
];

const secondMembers = [
  { memberId: 'm-yang-yongfu', realName: '杨永福', birthDate: '1951-08-02', room: '201', userId: 'u-resident2' },
  { memberId: 'm-su-lanying', realName: '苏兰英', birthDate: '1944-02-17', room: '202' },
  { memberId: 'm-ding-hai', realName: '丁海', birthDate: '1979-11-30', room: '301', phone: '13995170021' },
];

const holders: HolderRecord[] = [
  { userId: 'u-street', name: '马建华', role: 'street', streetId: DEMO_STREET.id },
  {
    userId: 'u-staff',
    name: '刘晶',
    role: 'staff',
    streetId: DEMO_STREET.id,
    communityId: 'anjuyuan',
    communityName: '安居苑社区',
  },
  {
    userId: 'u-staff3',
    name: '王丽',
    role: 'staff',
    streetId: DEMO_STREET.id,
    communityId: 'anjuyuan',
    communityName: '安居苑社区',
  },
  {
    userId: 'u-staff2',
    name: '李淑芬',
    role: 'staff',
    streetId: DEMO_STREET.id,
    communityId: SECOND_COMMUNITY.id,
    communityName: SECOND_COMMUNITY.name,
  },
].map((h) => ({
  ...h,
  role: h.role as HolderRecord['role'],
  grantedAt: AT,
  grantedBy: 'u-admin',
  grantedByName: '平台管理员',
}));

/** Every item of the demo street beyond 安居苑社区's own. */
export function streetSeedItems(): Record<string, unknown>[] {
  const c = SECOND_COMMUNITY.id;
  return [
    streetItem(DEMO_STREET),
    streetNameLock(DEMO_STREET),
    communityMetaItem({ ...SECOND_COMMUNITY, ...demoStreetOf() }),
    gridItem({ communityId: c, id: 'xg1', name: '第一网格', leader: '丁玉梅', order: 1 }),
    buildingItem({
      communityId: c,
      id: 'xb1',
      gridId: 'xg1',
      name: '1号楼',
      address: '新华苑小区1号楼',
      households: 40,
      units,
      order: 1,
    }),
    ...secondMembers.map((m) => {
      const address = {
        communityId: c,
        communityName: SECOND_COMMUNITY.name,
        buildingId: 'xb1',
        buildingName: '1号楼',
        unitId: 'u1',
        unitName: '1单元',
        room: m.room,
      };
      return memberItem({
        memberId: m.memberId,
        ...address,
        householdKey: householdKey(address),
        realName: m.realName,
        birthDate: m.birthDate,
        phone: m.phone,
        userId: m.userId,
        status: 'verified',
        registeredBy: 'u-staff2',
        createdAt: AT,
      });
    }),
    ...holders.map((h) => holderItem(SCOPE, h)),
    ...holders.map((h, i) =>
      auditItem(SCOPE, {
        id: `seed-audit-${i + 1}`,
        action: 'appointed',
        role: h.role,
        userId: h.userId,
        name: h.name,
        communityId: h.communityId,
        communityName: h.communityName,
        byUserId: 'u-admin',
        byName: '平台管理员',
        at: AT,
      }),
    ),
  ];
}
