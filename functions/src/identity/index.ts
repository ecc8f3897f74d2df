/** The identity feature's public face: what other features may use of it. */
export {
  checkSubjectIn,
  ownMemberId,
  resolveActingSubject,
  subjectIn,
  subjectOf,
  type ActingSubject,
  type Caller,
} from './acting';
export {
  countVerifiedMembers,
  getApplication,
  getMember,
  getMembers,
  getUser,
  listHouseholdMembers,
} from './repository';
export { identityPlans } from './notify-plans';
