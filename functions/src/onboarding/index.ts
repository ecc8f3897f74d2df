/** The onboarding feature's public face: what other features may use of it. */
export { recordPhoneReveal } from './phone-reveal';
export { listCommunityStaff } from './roles';
