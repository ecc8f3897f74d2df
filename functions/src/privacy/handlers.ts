import { IDENTITY_ERRORS } from '@linli/shared/domain/identity/errors';
import { COUNCIL_ERRORS } from '@linli/shared/domain/council/errors';
import { CANTEEN_ERRORS } from '@linli/shared/domain/canteen/errors';
import { privacyRoutes } from '@linli/shared/contract/privacy';
import { defineDomain } from '../platform/lambda-router';
import { myPrivacyConsents, recordPrivacyConsent } from './consent';
import { copyOfMyData } from './data-copy';
import { eraseMemberByStaff, eraseOwnAccount } from './erasure';

export const privacyDomain = defineDomain('privacy', privacyRoutes, {
  errorTables: [IDENTITY_ERRORS, COUNCIL_ERRORS, CANTEEN_ERRORS],
})({
  recordPrivacyConsent: async ({ principal, body }) => recordPrivacyConsent(principal, body),
  myPrivacyConsents: async ({ principal }) => myPrivacyConsents(principal),
  eraseMyAccount: async ({ principal }) => eraseOwnAccount(principal),
  eraseMember: async ({ principal, params }) => eraseMemberByStaff(principal, params.communityId, params.memberId),
  copyMyData: async ({ principal }) => copyOfMyData(principal),
});
