/** The roster feature's public face: what other features may use of it. */
export { linkPersonToMember, lookUpApplicant, type RosterLookup } from './matching';
export type { PersonRecord as RosterPersonRecord } from './records';
