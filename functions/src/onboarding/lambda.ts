import { onboardingDomain } from './handlers';

/** Lambda entry for onboarding (street offices, communities, appointments by invite). */
export const handler = onboardingDomain.handler;
