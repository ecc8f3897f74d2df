/** Volunteer activities: creating, signing up, QR check-in/out, and staff confirming the hours. */
import { ulid } from 'ulidx';
import type { Activity, Signup } from '@linli/shared/contract/points';
import type { Principal } from '@linli/shared/contract/principal';
import {
  confirmationRefusal,
  hoursAward,
  minutesBetween,
  pointsForMinutes,
  shanghaiMonth,
} from '@linli/shared/domain/points/ledger';
import { DomainError } from '@linli/shared/domain-error';
import { completionPut } from '../platform/idempotency';
import type { PointsEvent as OutboxEvent } from './events';
import { readShortCode } from '@linli/shared/domain/common/short-code';
import { reserveCodeAttempt } from '../platform/code-attempts';
import { activityCode, expired, readActivityCode, signedActivityCode } from './codes';
import * as repo from './repository';
import type { ActivityRecord, SignupRecord } from './records';
import { activityView, nowIso, record, signupView } from './views';
import { volunteerOf } from './volunteers';

async function activityOf(communityId: string, activityId: string, consistent = false) {
  const a = await repo.getActivity(activityId, consistent);
  if (!a || a.communityId !== communityId) throw new DomainError('ACTIVITY_NOT_FOUND');
  return a;
}

export async function createActivity(
  principal: Principal,
  communityId: string,
  input: Pick<ActivityRecord, 'title' | 'place' | 'startsAt' | 'endsAt' | 'slots' | 'award'>,
): Promise<Activity> {
  const start = Date.parse(input.startsAt);
  const end = Date.parse(input.endsAt);
  if (!(end > start) || end - start > 24 * 3600_000 || end < Date.now())
    throw new DomainError('ACTIVITY_TIMES_INVALID');
  const a: ActivityRecord = {
    activityId: ulid(),
    communityId,
    ...input,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    signedUp: 0,
    createdBy: principal.userId,
    createdAt: nowIso(),
  };
  const reply = activityView(a);
  await repo.putActivity(a, completionPut(reply));
  return reply;
}

export async function listActivities(principal: Principal, communityId: string) {
  const now = new Date();
  const [activities, mine] = await Promise.all([
    repo.listActivities(communityId, now),
    repo.listUserSignups(principal.userId),
  ]);
  const mineById = new Map(mine.map((s) => [s.activityId, s]));
  return {
    activities: activities
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((a) => activityView(a, mineById.get(a.activityId))),
  };
}

export async function signUp(principal: Principal, communityId: string, activityId: string): Promise<Signup> {
  const a = await activityOf(communityId, activityId);
  const v = await volunteerOf(principal, communityId);
  const now = nowIso();
  if (a.endsAt <= now) throw new DomainError('ACTIVITY_CLOSED');
  const s: SignupRecord = {
    signupId: ulid(),
    activityId,
    communityId,
    userId: principal.userId,
    name: v.name,
    status: 'signed_up',
    createdAt: now,
    activityTitle: a.title,
    activityStartsAt: a.startsAt,
  };
  const reply = signupView(s);
  const outcome = await repo.signUp(s, now, completionPut(reply));
  if (outcome === 'already') throw new DomainError('ALREADY_SIGNED_UP');
  if (outcome === 'full-or-closed') {
    const fresh = await activityOf(communityId, activityId, true);
    throw new DomainError(fresh.endsAt <= now ? 'ACTIVITY_CLOSED' : 'ACTIVITY_FULL');
  }
  return reply;
}

export async function getActivityCode(communityId: string, activityId: string, action: 'in' | 'out') {
  await activityOf(communityId, activityId);
  return { action, ...(await activityCode(communityId, activityId, action, new Date())) };
}

/**
 * The signed code a volunteer scanned, or the one behind the short code they typed: only codes of
 * activities they signed up for and have not checked out of can match, and typed codes that match
 * none count against the volunteer's tries per minute.
 */
async function signedCodeOf(principal: Principal, communityId: string, input: string): Promise<string> {
  const shortCode = readShortCode(input.trim());
  if (!shortCode) return input;
  const attempt = await reserveCodeAttempt('activity', principal.userId);
  const open = (await repo.listUserSignups(principal.userId)).filter(
    (s) => s.communityId === communityId && (s.status === 'signed_up' || s.status === 'checked_in'),
  );
  const signed = await signedActivityCode(
    communityId,
    open.map((s) => s.activityId),
    shortCode,
    new Date(),
  );
  if (!signed) throw new DomainError('ACTIVITY_CODE_INVALID');
  await attempt.release();
  return signed;
}

/** A volunteer scans (or types) the code staff show: check-in or check-out, as the code says. */
export async function scanActivityCode(principal: Principal, communityId: string, input: string) {
  const code = await signedCodeOf(principal, communityId, input);
  const claims = await readActivityCode(code);
  if (!claims || claims.c !== communityId) throw new DomainError('ACTIVITY_CODE_INVALID');
  const now = new Date();
  if (expired(claims.e, now)) throw new DomainError('ACTIVITY_CODE_EXPIRED');
  const a = await activityOf(communityId, claims.a);
  const s = await repo.getSignup(a.activityId, principal.userId);
  if (!s) throw new DomainError('NOT_SIGNED_UP');
  const at = now.toISOString();
  let next: SignupRecord;
  if (claims.x === 'in') {
    if (s.status !== 'signed_up') throw new DomainError('ACTIVITY_ALREADY_CHECKED_IN');
    next = { ...s, status: 'checked_in', checkedInAt: at };
  } else {
    if (s.status === 'signed_up') throw new DomainError('CHECKOUT_BEFORE_CHECKIN');
    if (s.status !== 'checked_in') throw new DomainError('ACTIVITY_ALREADY_CHECKED_OUT');
    const measuredMinutes = minutesBetween(s.checkedInAt!, at);
    next = {
      ...s,
      status: 'checked_out',
      checkedOutAt: at,
      measuredMinutes,
      points: pointsForMinutes(a.award, measuredMinutes),
    };
  }
  const reply = { action: claims.x, activity: activityView(a, next), signup: signupView(next) };
  if (!(await repo.advanceSignup(next, s.status, completionPut(reply))))
    throw new DomainError(claims.x === 'in' ? 'ACTIVITY_ALREADY_CHECKED_IN' : 'ACTIVITY_ALREADY_CHECKED_OUT');
  return reply;
}

export async function listActivitySignups(communityId: string, activityId: string) {
  const a = await activityOf(communityId, activityId);
  const signups = await repo.listSignups(activityId);
  return { activity: activityView(a), signups: signups.map(signupView) };
}

export async function listPendingHours(communityId: string) {
  const pending = await repo.listPendingHours(communityId);
  const activities = await Promise.all(
    [...new Set(pending.map((s) => s.activityId))].map((id) => repo.getActivity(id)),
  );
  const byId = new Map(activities.filter((a): a is ActivityRecord => Boolean(a)).map((a) => [a.activityId, a]));
  return {
    items: pending.flatMap((s) => {
      const a = byId.get(s.activityId);
      return a ? [{ activity: activityView(a), signup: signupView(s) }] : [];
    }),
  };
}

/** Staff confirm the measured minutes (or others, with a reason); the award is posted at once. */
export async function confirmHours(
  principal: Principal,
  { communityId, activityId, userId }: { communityId: string; activityId: string; userId: string },
  input: { minutes?: number; reason?: string },
): Promise<Signup> {
  const a = await activityOf(communityId, activityId);
  const s = await repo.getSignup(activityId, userId);
  if (!s) throw new DomainError('SIGNUP_NOT_FOUND');
  if (s.status === 'confirmed') throw new DomainError('HOURS_ALREADY_CONFIRMED');
  if (s.status !== 'checked_out') throw new DomainError('HOURS_NOT_READY');
  const measured = s.measuredMinutes ?? 0;
  const minutes = input.minutes ?? measured;
  const reason = input.reason?.trim() || undefined;
  const refusal = confirmationRefusal(measured, minutes, reason);
  if (refusal) throw new DomainError(refusal);
  const points = pointsForMinutes(a.award, minutes);
  const at = new Date();
  const next: SignupRecord = {
    ...s,
    status: 'confirmed',
    confirmedMinutes: minutes,
    points,
    adjustReason: minutes !== measured ? reason : undefined,
    confirmedBy: principal.userId,
  };
  const volunteer = await repo.getVolunteer(userId, communityId);
  const event: OutboxEvent = {
    type: 'points.hours_confirmed',
    communityId,
    userId,
    activityTitle: a.title,
    minutes,
    points,
    adjusted: minutes !== measured,
    reason: next.adjustReason,
  };
  const month = shanghaiMonth(at);
  const reply = signupView(next);
  if (points === 0) {
    // Nothing to post (e.g. confirmed as 0 minutes): the signup is closed all the same.
    const closed = await repo.advanceSignup(next, 'checked_out', completionPut(reply));
    if (!closed) throw new DomainError('HOURS_ALREADY_CONFIRMED');
    return reply;
  }
  const label = `志愿服务：${a.title}（${minutes} 分钟）`;
  const p = record(
    communityId,
    hoursAward(s.signupId, userId, points, reason ? `${label}，${reason}` : label),
    principal,
    {
      volunteerUserId: userId,
      volunteerName: s.name,
    },
    at,
  );
  const outcome = await repo.post(p, {
    extra: repo.confirmHoursWrites(next, month, volunteer),
    events: [event],
    completion: completionPut(reply),
  });
  if (outcome.outcome !== 'posted') throw new DomainError('HOURS_ALREADY_CONFIRMED');
  return reply;
}
