/** Who holds which appointed role in a street, removal, and the audit list. */
import { ulid } from 'ulidx';
import type { RoleAuditEntry, RoleHolder } from '@linli/shared/contract/onboarding';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { grantsWithout, streetScope } from '@linli/shared/domain/onboarding/invites';
import { completionPut } from '../platform/idempotency';
import { retry, withOptimisticRetry } from '../platform/retry';
import { onboardingKey } from './items';
import * as repo from './repository';
import { auditView, holderView } from './views';

export async function listRoleHolders(streetId: string): Promise<{ items: RoleHolder[] }> {
  return { items: (await repo.listHolders(streetScope(streetId))).map(holderView) };
}

/**
 * The staff appointed to a community, for a colleague to hand work to (派单 to a staff member).
 * Appointments are kept per street; a community outside any street has none listed.
 */
export async function listCommunityStaff(communityId: string): Promise<{ userId: string; name: string }[]> {
  const streetId = (await repo.getCommunityMeta(communityId))?.streetId;
  if (!streetId) return [];
  const holders = await repo.listHolders(streetScope(streetId), onboardingKey.roleHolderPrefix('staff', communityId));
  return holders.map((h) => ({ userId: h.userId, name: h.name }));
}

export async function listRoleAudit(streetId: string): Promise<{ items: RoleAuditEntry[] }> {
  return { items: (await repo.listAudit(streetScope(streetId))).map(auditView) };
}

/**
 * Removes a street operator (admin only) or a community's staff member. The grant leaves the
 * user and their refresh tokens stop working at once, as at logout.
 */
export async function revokeRole(
  principal: Principal,
  streetId: string,
  target: { userId: string; role: 'street' | 'staff'; communityId?: string },
): Promise<{ revoked: RoleHolder }> {
  if (target.role === 'street' && !principal.grants.some((g) => g.role === 'admin')) {
    throw new DomainError('STREET_OPERATOR_ADMIN_ONLY');
  }
  const communityId = target.role === 'staff' ? target.communityId : undefined;
  if (target.role === 'staff' && !communityId) throw new DomainError('ROLE_HOLDER_NOT_FOUND');
  return withOptimisticRetry(async () => {
    const holder = await repo.getHolder(streetScope(streetId), target.role, communityId, target.userId);
    if (!holder) throw new DomainError('ROLE_HOLDER_NOT_FOUND');
    const user = await repo.getUserGrants(target.userId);
    if (!user) throw new DomainError('ROLE_HOLDER_NOT_FOUND');
    const grants = grantsWithout(user.grants, { role: target.role, streetId, communityId });
    const reply = { revoked: holderView(holder) };
    const outcome = await repo.removeAppointment(
      holder,
      user,
      grants,
      {
        id: ulid(),
        action: 'removed',
        role: holder.role,
        userId: holder.userId,
        name: holder.name,
        communityId: holder.communityId,
        communityName: holder.communityName,
        byUserId: principal.userId,
        byName: principal.name,
        at: new Date().toISOString(),
      },
      completionPut(reply),
    );
    return outcome === 'removed' ? reply : retry;
  });
}
