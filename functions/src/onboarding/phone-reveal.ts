/**
 * Staff reveal an applicant's full phone number to call them (认证审核 says 「必要时电话联系」).
 * Numbers stay masked in every list; each reveal is a line in the street's audit list, written
 * before the number is given out, so no number leaves without its record.
 */
import { ulid } from 'ulidx';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { PLATFORM_SCOPE, streetScope } from '@linli/shared/domain/onboarding/invites';
import { getApplication } from '../identity';
import type { AuditRecord } from './records';
import * as repo from './repository';

export async function revealApplicantPhone(principal: Principal, communityId: string, applicationId: string) {
  const application = await getApplication(applicationId);
  if (!application || application.communityId !== communityId) throw new DomainError('APPLICATION_NOT_FOUND');
  await recordPhoneReveal(principal, communityId, { userId: application.userId, name: application.realName });
  return { name: application.realName, phone: application.phone };
}

/**
 * Writes the audit line of a staff member seeing someone's full phone number (an applicant, a
 * roster row), before the number is given out.
 */
export async function recordPhoneReveal(
  principal: Principal,
  communityId: string,
  subject: { userId?: string; name: string },
): Promise<void> {
  const community = await repo.getCommunityMeta(communityId);
  if (!community) throw new DomainError('COMMUNITY_NOT_FOUND');
  const audit: AuditRecord = {
    id: ulid(),
    action: 'phone-revealed',
    role: 'staff',
    userId: subject.userId,
    name: subject.name,
    communityId,
    communityName: community.name,
    byUserId: principal.userId,
    byName: principal.name,
    at: new Date().toISOString(),
  };
  // A community not (yet) under a street office reports to the platform's list.
  await repo.putAudit(community.streetId ? streetScope(community.streetId) : PLATFORM_SCOPE, audit);
}
