/**
 * Photos others will see (dish photos on menus, wish and delivery photos) go to WeChat's
 * mediaCheckAsync when published or attached;
 * the verdict arrives later on the message-push callback. Until it says `pass`, residents are
 * not shown the photo: pending, risky, review and failed submissions all stay hidden.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getUser } from '../identity';
import { documentClient, tableName } from '../platform/dynamo';
import { batchGetItems } from '../platform/items';
import { logger } from '../platform/logger';
import { moderationKey } from './items';
import { verifiedPush, type PushQuery } from './push-signature';
import { contentSecurity } from './screen';

export type MediaStatus = 'pending' | 'pass' | 'risky' | 'review';

/**
 * A photo to check: `subject` names it for good (a stored photo's key, or the URL of a photo
 * already online), `url` is where WeChat can fetch it now (for a stored photo, a short-lived link).
 */
export interface MediaToCheck {
  subject: string;
  url: string;
}

interface MediaRecord {
  /** Absent on records written before photos were stored: their `url` is the subject. */
  subject?: string;
  url: string;
  status: MediaStatus;
  traceId?: string;
  label?: number;
  requestedAt: string;
  decidedAt?: string;
  /** Why the submission failed (it then stays hidden until the photo is published again). */
  error?: string;
}

const subjectOf = (r: { subject?: string; url?: string }) => r.subject ?? r.url ?? '';

/**
 * Asks WeChat to check each photo not checked (or not passed) before. A photo given as a bare
 * URL (a dish photo typed in) is its own subject.
 */
export async function requestMediaChecks(
  authorUserId: string,
  photos: (string | MediaToCheck | undefined)[],
): Promise<void> {
  const bySubject = new Map<string, MediaToCheck>();
  for (const p of photos) {
    if (!p) continue;
    const m = typeof p === 'string' ? { subject: p, url: p } : p;
    bySubject.set(m.subject, m);
  }
  if (bySubject.size === 0) return;
  const known = new Map(
    (await batchGetItems<MediaRecord>([...bySubject.keys()].map(moderationKey.mediaCheck))).map((r) => [
      subjectOf(r),
      r.status,
    ]),
  );
  const openid = (await getUser(authorUserId))?.openid;
  const security = await contentSecurity();
  // A photo passed or awaiting its verdict is not asked again; a new, refused or failed one is.
  for (const { subject, url } of [...bySubject.values()].filter(
    (m) => known.get(m.subject) !== 'pass' && known.get(m.subject) !== 'pending',
  )) {
    const requestedAt = new Date().toISOString();
    const submission = openid
      ? await security.submitMedia({ openid, scene: 'profile', mediaUrl: url })
      : { error: 'author has no openid' };
    // `url` stays the subject for readers of older records; the fetchable link is not kept (it expires).
    const record: MediaRecord =
      'traceId' in submission
        ? {
            subject,
            url: subject,
            status: submission.suggest ?? 'pending',
            traceId: submission.traceId,
            requestedAt,
            ...(submission.suggest ? { decidedAt: requestedAt } : {}),
          }
        : { subject, url: subject, status: 'review', requestedAt, error: submission.error };
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...moderationKey.mediaCheck(subject), type: 'MediaCheck', ...record },
      }),
    );
    if ('traceId' in submission && !submission.suggest) {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...moderationKey.mediaTrace(submission.traceId), type: 'MediaTrace', subject, url: subject },
        }),
      );
    }
  }
}

/** The check status of each photo by subject; a photo never submitted reads as pending. */
export async function statuses(subjects: string[]): Promise<Map<string, MediaStatus>> {
  const wanted = [...new Set(subjects)];
  if (wanted.length === 0) return new Map();
  const records = await batchGetItems<MediaRecord>(wanted.map(moderationKey.mediaCheck));
  const bySubject = new Map(records.map((r) => [subjectOf(r), r.status]));
  return new Map(wanted.map((s) => [s, bySubject.get(s) ?? 'pending']));
}

/** Drops every dish photo that WeChat has not passed, for what residents read. */
export async function onlyPassedPhotos<T extends { dishes: { photoUrl?: string }[] }>(menus: T[]): Promise<T[]> {
  const urls = [...new Set(menus.flatMap((m) => m.dishes.flatMap((d) => (d.photoUrl ? [d.photoUrl] : []))))];
  if (urls.length === 0) return menus;
  const known = await statuses(urls);
  return menus.map((m) => ({
    ...m,
    dishes: m.dishes.map((d) => (d.photoUrl && known.get(d.photoUrl) !== 'pass' ? { ...d, photoUrl: undefined } : d)),
  }));
}

export interface MediaCheckEvent {
  Event: string;
  trace_id?: string;
  result?: { suggest?: string; label?: number };
}

/** Records WeChat's verdict on a photo (the `wxa_media_check` push event). */
export async function recordMediaVerdict(query: PushQuery, event: MediaCheckEvent): Promise<{ recorded: boolean }> {
  await verifiedPush(query);
  if (event.Event !== 'wxa_media_check' || !event.trace_id) return { recorded: false };
  const trace = await documentClient.send(
    new GetCommand({ TableName: tableName, Key: moderationKey.mediaTrace(event.trace_id) }),
  );
  const subject = trace.Item ? subjectOf(trace.Item as { subject?: string; url?: string }) : undefined;
  if (!subject) {
    logger.warn('media verdict for an unknown trace id', { traceId: event.trace_id });
    return { recorded: false };
  }
  const suggest = event.result?.suggest;
  const status: MediaStatus = suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: moderationKey.mediaCheck(subject),
      UpdateExpression: 'SET #status = :s, label = :l, decidedAt = :at',
      // Only the verdict for the submission on record: a late answer to an older one changes nothing.
      ConditionExpression: 'traceId = :trace',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':s': status,
        ':l': event.result?.label ?? 0,
        ':at': new Date().toISOString(),
        ':trace': event.trace_id,
      },
    }),
  );
  return { recorded: true };
}
