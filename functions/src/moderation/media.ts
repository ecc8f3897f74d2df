/**
 * Photos others will see (dish photos on menus) go to WeChat's mediaCheckAsync when published;
 * the verdict arrives later on the message-push callback. Until it says `pass`, residents are
 * not shown the photo: pending, risky, review and failed submissions all stay hidden.
 */
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { getUser } from '../identity';
import { documentClient, tableName } from '../platform/dynamo';
import { batchGetItems } from '../platform/items';
import { logger } from '../platform/logger';
import { verifiedPush, type PushQuery } from './push-signature';
import { contentSecurity } from './screen';

export type MediaStatus = 'pending' | 'pass' | 'risky' | 'review';

interface MediaRecord {
  url: string;
  status: MediaStatus;
  traceId?: string;
  label?: number;
  requestedAt: string;
  decidedAt?: string;
  /** Why the submission failed (it then stays hidden until the photo is published again). */
  error?: string;
}

const urlHash = (url: string) => createHash('sha256').update(url).digest('hex');
/** AP39 a photo's check: GetItem pk=MEDIA#<sha256(url)> sk=CHECK; AP39b the photo behind a trace id. */
const mediaKey = (url: string) => ({ pk: `MEDIA#${urlHash(url)}`, sk: 'CHECK' });
const traceKey = (traceId: string) => ({ pk: `MEDIATRACE#${traceId}`, sk: 'MEDIA' });

/** Asks WeChat to check each photo not checked (or not passed) before. */
export async function requestMediaChecks(authorUserId: string, urls: (string | undefined)[]): Promise<void> {
  const wanted = [...new Set(urls.filter((u): u is string => Boolean(u)))];
  if (wanted.length === 0) return;
  const known = new Map((await batchGetItems<MediaRecord>(wanted.map(mediaKey))).map((r) => [r.url, r.status]));
  const openid = (await getUser(authorUserId))?.openid;
  const security = await contentSecurity();
  // A photo passed or awaiting its verdict is not asked again; a new, refused or failed one is.
  for (const url of wanted.filter((u) => known.get(u) !== 'pass' && known.get(u) !== 'pending')) {
    const requestedAt = new Date().toISOString();
    const submission = openid
      ? await security.submitMedia({ openid, scene: 'profile', mediaUrl: url })
      : { error: 'author has no openid' };
    const record: MediaRecord =
      'traceId' in submission
        ? { url, status: 'pending', traceId: submission.traceId, requestedAt }
        : { url, status: 'review', requestedAt, error: submission.error };
    await documentClient.send(
      new PutCommand({ TableName: tableName, Item: { ...mediaKey(url), type: 'MediaCheck', ...record } }),
    );
    if ('traceId' in submission) {
      await documentClient.send(
        new PutCommand({ TableName: tableName, Item: { ...traceKey(submission.traceId), type: 'MediaTrace', url } }),
      );
    }
  }
}

/** The check status of each photo; a photo never submitted reads as pending. */
export async function statuses(urls: string[]): Promise<Map<string, MediaStatus>> {
  const records = await batchGetItems<MediaRecord>(urls.map(mediaKey));
  const byUrl = new Map(records.map((r) => [r.url, r.status]));
  return new Map(urls.map((u) => [u, byUrl.get(u) ?? 'pending']));
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
  const trace = await documentClient.send(new GetCommand({ TableName: tableName, Key: traceKey(event.trace_id) }));
  const url = trace.Item?.url as string | undefined;
  if (!url) {
    logger.warn('media verdict for an unknown trace id', { traceId: event.trace_id });
    return { recorded: false };
  }
  const suggest = event.result?.suggest;
  const status: MediaStatus = suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: mediaKey(url),
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
