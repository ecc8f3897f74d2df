import { privacyRoutes } from '@linli/shared/contract/privacy';
import { defineDomain } from '../platform/lambda-router';
import { myPrivacyConsents, recordPrivacyConsent } from './consent';
import { copyOfMyData } from './data-copy';
import { eraseMemberByStaff, eraseOwnAccount } from './erasure';

export const privacyDomain = defineDomain(
  'privacy',
  privacyRoutes,
)({
  recordPrivacyConsent: async ({ principal, body }) => recordPrivacyConsent(principal, body),
  myPrivacyConsents: async ({ principal }) => myPrivacyConsents(principal),
  eraseMyAccount: async ({ principal }) => eraseOwnAccount(principal),
  eraseMember: async ({ principal, params }) => eraseMemberByStaff(principal, params.communityId, params.memberId),
  copyMyData: async ({ principal }) => copyOfMyData(principal),
});
