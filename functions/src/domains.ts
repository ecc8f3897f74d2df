import { agendaDomain } from './agenda/handlers';
import { canteenDomain } from './canteen/handlers';
import { careDomain } from './care/handlers';
import { communityDomain } from './community/handlers';
import { gridDomain } from './grid/handlers';
import { councilDomain } from './council/handlers';
import { identityDomain } from './identity/handlers';
import { notifyDomain } from './notify/handlers';
import { onboardingDomain } from './onboarding/handlers';
import type { DomainHandlers } from './platform/lambda-router';
import { pointsDomain } from './points/handlers';
import { moderationDomain } from './moderation/handlers';
import { privacyDomain } from './privacy/handlers';
import { rosterDomain } from './roster/handlers';
import { photosDomain } from './photos/handlers';

/** Every domain's handlers: the local API serves them all; each Lambda imports only its own. */
export const domains: DomainHandlers[] = [
  communityDomain,
  identityDomain,
  councilDomain,
  agendaDomain,
  notifyDomain,
  canteenDomain,
  pointsDomain,
  privacyDomain,
  moderationDomain,
  onboardingDomain,
  careDomain,
  gridDomain,
  rosterDomain,
  photosDomain,
];
