import type { Principal, RoleGrant } from '../../contract/principal';
import type { Role, RouteDef } from '../../contract/route';

/** Grants of the principal whose role is one of `roles` (admin counts for every role). */
export function matchingGrants(principal: Principal, roles: readonly Role[]): RoleGrant[] {
  return principal.grants.filter((g) => g.role === 'admin' || roles.includes(g.role));
}

/** Whether the principal may call a route at all, by role alone. */
export function mayCallRoute(principal: Principal | undefined, route: Pick<RouteDef, 'roles'>): boolean {
  if (route.roles === 'public') return true;
  if (!principal) return false;
  if (route.roles === 'authenticated') return true;
  return matchingGrants(principal, route.roles).length > 0;
}

/** Communities the principal acts in through one of `roles`; admin acts everywhere (`'*'`). */
export function communitiesOf(principal: Principal, roles: readonly Role[]): Set<string> | '*' {
  const grants = matchingGrants(principal, roles);
  if (grants.some((g) => g.role === 'admin')) return '*';
  return new Set(grants.flatMap((g) => (g.communityId ? [g.communityId] : [])));
}

/** Whether the principal may act in `communityId` through one of `roles`. */
export function mayActInCommunity(
  principal: Principal,
  roles: readonly Role[] | 'authenticated',
  communityId: string,
): boolean {
  if (roles === 'authenticated') roles = ['resident', 'volunteer', 'merchant', 'staff', 'partner', 'grid'];
  const communities = communitiesOf(principal, roles);
  return communities === '*' || communities.has(communityId);
}

/** Whether the principal operates `streetId` (a street operator of that street, or admin). */
export function mayActInStreet(principal: Principal, streetId: string): boolean {
  return principal.grants.some((g) => g.role === 'admin' || (g.role === 'street' && g.streetId === streetId));
}

/**
 * The one answer to "is this staff of this community?": a staff grant for `communityId`, or
 * admin. Staff of another community are not staff here, whatever they may do at home.
 */
export function isStaffOf(principal: Principal | undefined, communityId: string): boolean {
  return principal !== undefined && mayActInCommunity(principal, ['staff'], communityId);
}
