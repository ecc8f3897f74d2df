/** Who the caller is: their user, member card, latest application and dependents. */
import type { Me } from '@linli/shared/contract/identity';
import type { Principal } from '@linli/shared/contract/principal';
import { DomainError } from '@linli/shared/domain-error';
import { withCurrentNames } from '../community';
import { listUserApplications } from './applications-repository';
import { listUserLinks } from './caregivers-repository';
import { getMember } from './members-repository';
import { getUser } from './users-repository';
import { applicationView, linkViews, memberCard } from './views';

export async function getMe(principal: Principal): Promise<Me> {
  const user = await getUser(principal.userId);
  if (!user) throw new DomainError('TOKEN_INVALID');
  const [member, applications, links] = await Promise.all([
    user.memberId ? getMember(user.memberId) : Promise.resolve(undefined),
    listUserApplications(user.userId, 1),
    listUserLinks(user.userId),
  ]);
  const [current] = member ? await withCurrentNames([member]) : [];
  const [latest] = applications[0] ? await withCurrentNames([applications[0]]) : [];
  return {
    userId: user.userId,
    name: user.name,
    grants: user.grants,
    member: current ? memberCard(current) : null,
    latestApplication: latest ? applicationView(latest) : null,
    dependents: await linkViews(links.filter((l) => l.status !== 'rejected')),
  };
}
