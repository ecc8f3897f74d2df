/** The identity feature's public face: what other features may use of it. */
export {
  actedBy,
  enteredForNote,
  ownMemberId,
  resolveActingSubject,
  subjectIn,
  subjectInFrom,
  subjectOf,
  subjectToRead,
  type ActingSubject,
  type Caller,
} from './acting';
export type { MemberRecord } from './records';
export { getApplication } from './applications-repository';
export { countVerifiedMembers, getMember, getMembers, listHouseholdMembers } from './members-repository';
export { getUser } from './users-repository';
export { identityPlans } from './notify-plans';
