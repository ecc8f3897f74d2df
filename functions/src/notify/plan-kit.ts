/**
 * What every feature's notification plans are made of: the facts the notifier loads, the plan
 * it sends, and the table type a feature fills for its own events (one entry per event people
 * should hear of). Pure.
 */
import type { TemplateKey } from '@linli/shared/contract/notify';

export interface SessionFacts {
  title: string;
  startsAt: string;
  venueName: string;
  venuePlace: string;
}

export interface Facts {
  session?: SessionFacts;
  /** Users to tell about a member: the member's own user and whoever booked for them. */
  usersOf?: string[];
  memberName?: string;
  /** For a cancelled session: every user with a live booking of it; for a reminder: every seat holder's. */
  audienceUserIds?: string[];
}

export interface Plan {
  userIds: string[];
  title: string;
  body: string;
  link?: string;
  wechat?: { template: TemplateKey; values: Record<string, string> };
}

/** A feature's plans: for each of its events people hear of, the notification it makes. */
export type PlanTable<E extends { type: string }> = {
  [T in E['type']]?: (event: Extract<E, { type: T }>, facts: Facts) => Plan | undefined;
};

/** Each user once, the missing left out. */
export const unique = (ids: (string | undefined)[]) => [...new Set(ids.filter((x): x is string => Boolean(x)))];
