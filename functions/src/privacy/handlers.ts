import { privacyRoutes } from '@linli/shared/contract/privacy';
import { defineDomain } from '../platform/lambda-router';
import { copyOfMyData } from './data-copy';
import { eraseMemberByStaff, eraseOwnAccount } from './erasure';

export const privacyDomain = defineDomain(
  'privacy',
  privacyRoutes,
)({
  eraseMyAccount: async ({ principal }) => eraseOwnAccount(principal),
  eraseMember: async ({ principal, params }) => eraseMemberByStaff(principal, params.communityId, params.memberId),
  copyMyData: async ({ principal }) => copyOfMyData(principal),
});
