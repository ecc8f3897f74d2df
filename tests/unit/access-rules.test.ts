import type { Principal } from '@linli/shared';
import { communitiesOf, isStaffOf, mayActInCommunity, mayCallRoute } from '@linli/shared/domain/access/rules';

const resident: Principal = {
  userId: 'u1',
  name: '王桂芳',
  grants: [{ role: 'resident', communityId: 'anjuyuan', buildingId: 'b1' }],
};
const staff: Principal = { userId: 'u2', name: '刘晶', grants: [{ role: 'staff', communityId: 'anjuyuan' }] };
const admin: Principal = { userId: 'u3', name: '管理员', grants: [{ role: 'admin' }] };

describe('route access by role', () => {
  it('lets anyone call a public route, signed in or not', () => {
    expect(mayCallRoute(undefined, { roles: 'public' })).toBe(true);
    expect(mayCallRoute(resident, { roles: 'public' })).toBe(true);
  });

  it('refuses a caller without a token on a protected route', () => {
    expect(mayCallRoute(undefined, { roles: ['resident'] })).toBe(false);
  });

  it('refuses a resident on a staff route and lets staff in', () => {
    expect(mayCallRoute(resident, { roles: ['staff'] })).toBe(false);
    expect(mayCallRoute(staff, { roles: ['staff'] })).toBe(true);
  });

  it('lets an admin call any protected route', () => {
    expect(mayCallRoute(admin, { roles: ['merchant'] })).toBe(true);
  });
});

describe('community scope', () => {
  it('keeps staff inside their own community', () => {
    expect(mayActInCommunity(staff, ['staff'], 'anjuyuan')).toBe(true);
    expect(mayActInCommunity(staff, ['staff'], 'xita')).toBe(false);
  });

  it('does not let a resident grant count for a staff-only scope', () => {
    expect(mayActInCommunity(resident, ['staff'], 'anjuyuan')).toBe(false);
  });

  it('lets an admin act in every community', () => {
    expect(communitiesOf(admin, ['staff'])).toBe('*');
    expect(mayActInCommunity(admin, ['staff'], 'xita')).toBe(true);
  });
});

describe('isStaffOf', () => {
  const principal = (grants: Principal['grants']): Principal => ({ userId: 'u-1', name: '周敏', grants });

  it('answers yes for staff of the community and for admin, no for staff of another community', () => {
    expect(isStaffOf(principal([{ role: 'staff', communityId: 'a' }]), 'a')).toBe(true);
    expect(isStaffOf(principal([{ role: 'admin' }]), 'b')).toBe(true);
    expect(
      isStaffOf(
        principal([
          { role: 'staff', communityId: 'a' },
          { role: 'resident', communityId: 'b', memberId: 'm-1', buildingId: 'b1' },
        ]),
        'b',
      ),
    ).toBe(false);
    expect(isStaffOf(undefined, 'a')).toBe(false);
  });
});
