import type { Principal } from '@linli/shared/contract/principal';

/** The member a request is made for (代办): their own rules (age, eligibility) apply. */
export interface ActingSubject {
  memberId: string;
  realName: string;
  communityId: string;
  buildingId: string;
  buildingName: string;
  unitId: string;
  unitName: string;
  room: string;
  birthDate: string;
  age: number;
  /** How the caller may act for them. */
  via: 'self' | 'caregiver' | 'staff';
}

/**
 * Resolves `X-Acting-For: <memberId>` to the member, or throws the refusal. The identity feature
 * implements it; the platform only calls it, so it knows no feature.
 */
export type ActingForResolver = (principal: Principal, memberId: string) => Promise<ActingSubject>;

/** Hooks a domain passes to the request pipeline. */
export interface PipelineHooks {
  /** Needed when any of the domain's routes allows acting for a member. */
  actingFor?: ActingForResolver;
  /**
   * Idempotent routes whose every success commits its answer in the effect's own transaction
   * (completionPut) and writes nothing before it. They take no claim up front: a duplicate loses
   * on the completion's condition (or on the effect's) and is answered from the record, which
   * saves two writes per request on the hottest routes (booking a seat, ordering a meal).
   */
  answeredInTransaction?: readonly string[];
}
