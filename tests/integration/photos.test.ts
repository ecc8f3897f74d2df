/**
 * Photo uploads end to end on the local API and DynamoDB Local: a ticket, a multipart upload to
 * the dev store, attaching to a wish or a delivery (only the uploader's photo, for its purpose,
 * once, after the file arrived), WeChat's image check asked once, and who sees the photo.
 */
import { createHash } from 'node:crypto';
import { apiForThisFile } from '../helpers/api';
import { fakeWechatForThisFile } from '../helpers/wechat-screening';
import { createCommunity, idem, residentMember, userWithGrants, grantCare } from '../helpers/fixtures';
import { freshId } from '../helpers/ids';
import { tokenFor } from '../helpers/tokens';

const api = apiForThisFile();
const wechat = fakeWechatForThisFile(1000);

const WISH = { text: '想要一台收音机，每天听听新闻', category: '生活用品', handover: '上门送达', showBuilding: true };
/** The smallest JPEG-looking bytes: the stores check size and declared type, not pixels. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

const post = (path: string, token: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  api.call<any>('POST', path, { token, headers: { ...idem(), ...headers }, body });
const get = (path: string, token: string, headers: Record<string, string> = {}) =>
  api.call<any>('GET', path, { token, headers });

async function setup() {
  const c = await createCommunity();
  const staff = await userWithGrants(api, [{ role: 'staff', communityId: c.communityId }], '刘晶');
  const elder = await residentMember(c, { buildingId: 'b1', name: '王桂芳' });
  return { c, staff, elder, path: `/community/${c.communityId}` };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** Asks for a ticket and posts the file with its form, as the mini-program does. */
async function upload(path: string, token: string, purpose: string, bytes: Uint8Array<ArrayBuffer> = JPEG) {
  const ticket = await post(`${path}/photo-uploads`, token, { purpose, contentType: 'image/jpeg' });
  expect(ticket.status).toBe(201);
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.upload.fields as Record<string, string>)) {
    form.append(name, value);
  }
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'photo.jpg');
  const stored = await fetch(ticket.body.upload.url, { method: 'POST', body: form });
  expect(stored.status).toBe(204);
  return ticket.body.photoId as string;
}

const sign = (timestamp: string, nonce: string) =>
  createHash('sha1').update(['linli-dev-push', timestamp, nonce].sort().join('')).digest('hex');
/** WeChat's verdict on the n-th media check of this test, through the signed push callback. */
async function verdictFor(traceId: string, suggest: 'pass' | 'risky') {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const answer = await api.call<any>(
    'POST',
    `/wechat/push?signature=${sign(timestamp, 'n')}&timestamp=${timestamp}&nonce=n`,
    {
      body: {
        Event: 'wxa_media_check',
        trace_id: traceId,
        result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
      },
    },
  );
  expect(answer.body).toEqual({ recorded: true });
}

async function caregiverOf(f: Setup) {
  const caregiver = await residentMember(f.c, { buildingId: 'b2', name: '王小红' });
  await grantCare(f.elder.memberId, caregiver.userId);
  return caregiver;
}

describe('photo uploads', () => {
  it('issues a one-time form for the caller, refuses other types and purposes their role may not use', async () => {
    const f = await setup();
    const ticket = await post(`${f.path}/photo-uploads`, f.elder.token, { purpose: 'wish', contentType: 'image/jpeg' });
    expect(ticket.body).toMatchObject({
      photoId: expect.any(String),
      maxBytes: 5 * 1024 * 1024,
      upload: {
        url: expect.stringMatching(/\/dev-photos$/),
        fields: expect.objectContaining({ key: expect.stringMatching(/^uploads\//) }),
      },
    });
    const gif = await post(`${f.path}/photo-uploads`, f.elder.token, { purpose: 'wish', contentType: 'image/gif' });
    expect([gif.status, gif.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const dish = await post(`${f.path}/photo-uploads`, f.elder.token, { purpose: 'dish', contentType: 'image/png' });
    expect([dish.status, dish.body.error.code]).toEqual([403, 'PHOTO_PURPOSE_FORBIDDEN']);
    const elsewhere = await createCommunity();
    const outside = await post(`/community/${elsewhere.communityId}/photo-uploads`, f.elder.token, {
      purpose: 'wish',
      contentType: 'image/jpeg',
    });
    expect(outside.status).toBe(403);
  });

  it('attaches a caregiver’s photo to the elder’s wish, asks WeChat once, and shows it on the wall only approved and passed', async () => {
    const f = await setup();
    const caregiver = await caregiverOf(f);
    const photoId = await upload(f.path, caregiver.token, 'wish');
    const posted = await post(
      `${f.path}/wishes`,
      caregiver.token,
      { ...WISH, photoId },
      { 'x-acting-for': f.elder.memberId },
    );
    expect(posted.status).toBe(201);
    expect(posted.body.photo).toEqual({ url: expect.stringContaining('/dev-photos/photos/'), check: 'pending' });
    expect(wechat.mediaCalls).toHaveLength(1);
    expect(wechat.mediaCalls[0]!.body).toMatchObject({
      media_type: 2,
      media_url: expect.stringContaining('signature='),
    });
    // WeChat fetches the link it was given: it serves the photo.
    const fetched = await fetch(wechat.mediaCalls[0]!.body.media_url as string);
    expect([fetched.status, (await fetched.arrayBuffer()).byteLength]).toEqual([200, JPEG.length]);

    const wishId = posted.body.wishId as string;
    const staffSees = await get(`${f.path}/wishes/${wishId}`, f.staff.accessToken);
    expect(staffSees.body.wish.photo.check).toBe('pending');
    await post(`${f.path}/wishes/${wishId}/approve`, f.staff.accessToken);
    const neighbour = await residentMember(f.c, { buildingId: 'b2' });
    const wall = async () => (await get(`${f.path}/wish-wall`, neighbour.token)).body.wishes[0];
    expect((await wall()).photo).toBeUndefined();

    await verdictFor('media-trace-1', 'pass');
    expect((await wall()).photo).toEqual({ url: expect.stringContaining('/dev-photos/photos/'), check: 'pass' });
    const mine = await get('/me/wishes', caregiver.token, { 'x-acting-for': f.elder.memberId });
    expect(mine.body.wishes[0].photo.check).toBe('pass');
    // Approving, reading and listing asked WeChat nothing more.
    expect(wechat.mediaCalls).toHaveLength(1);
  });

  it('tells the wisher and staff of a refused photo and shows others nothing', async () => {
    const f = await setup();
    const photoId = await upload(f.path, f.elder.token, 'wish');
    const posted = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId });
    await post(`${f.path}/wishes/${posted.body.wishId}/approve`, f.staff.accessToken);
    await verdictFor(`media-trace-${wechat.mediaCalls.length}`, 'risky');
    expect((await get(`${f.path}/wishes/${posted.body.wishId}`, f.elder.token)).body.wish.photo).toEqual({
      check: 'refused',
    });
    expect((await get(`${f.path}/wish-queue?status=open`, f.staff.accessToken)).body.rows[0].wish.photo).toEqual({
      check: 'refused',
    });
    const neighbour = await residentMember(f.c, { buildingId: 'b2' });
    const wall = await get(`${f.path}/wish-wall`, neighbour.token);
    expect(wall.body.wishes[0].photo).toBeUndefined();
    expect(JSON.stringify(wall.body)).not.toContain('refused');
  });

  it('refuses someone else’s photo, one from another community, for another purpose, or never uploaded; writes no wish', async () => {
    const f = await setup();
    const other = await residentMember(f.c, { buildingId: 'b2' });
    const othersPhoto = await upload(f.path, other.token, 'wish');
    const foreign = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId: othersPhoto });
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'PHOTO_NOT_YOURS']);

    const elsewhere = await createCommunity();
    const away = await residentMember(elsewhere, { buildingId: 'b1' });
    const awayPhoto = await upload(`/community/${elsewhere.communityId}`, away.token, 'wish');
    const crossing = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId: awayPhoto });
    expect([crossing.status, crossing.body.error.code]).toEqual([403, 'PHOTO_NOT_YOURS']);

    const volunteer = await tokenFor({
      userId: f.elder.userId,
      name: '王桂芳',
      grants: [
        { role: 'resident', communityId: f.c.communityId, buildingId: 'b1', memberId: f.elder.memberId },
        { role: 'volunteer', communityId: f.c.communityId },
      ],
    });
    const deliveryPhoto = await upload(f.path, volunteer, 'wishDelivery');
    const wrong = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId: deliveryPhoto });
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'PHOTO_WRONG_PURPOSE']);

    const ticket = await post(`${f.path}/photo-uploads`, f.elder.token, { purpose: 'wish', contentType: 'image/jpeg' });
    const missing = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId: ticket.body.photoId });
    expect([missing.status, missing.body.error.code]).toEqual([422, 'PHOTO_NOT_UPLOADED']);
    const unknown = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId: freshId('p') });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PHOTO_NOT_FOUND']);

    expect((await get('/me/wishes', f.elder.token)).body.wishes).toEqual([]);
    expect(wechat.mediaCalls).toHaveLength(0);
  });

  it('attaches a photo once: a retry replays, a second wish with it is refused, also when both post at once', async () => {
    const f = await setup();
    const photoId = await upload(f.path, f.elder.token, 'wish');
    const key = idem();
    const first = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId }, key);
    const replay = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId }, key);
    expect([first.status, replay.status, replay.body.wishId]).toEqual([201, 201, first.body.wishId]);
    const second = await post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId });
    expect([second.status, second.body.error.code]).toEqual([409, 'PHOTO_ALREADY_USED']);

    const racing = await upload(f.path, f.elder.token, 'wish');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(`${f.path}/wishes`, f.elder.token, { ...WISH, photoId: racing })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'PHOTO_ALREADY_USED')).toBe(true);
    expect((await get('/me/wishes', f.elder.token)).body.wishes).toHaveLength(2);
    // Each photo was handed to WeChat once.
    expect(wechat.mediaCalls).toHaveLength(2);
  });

  it('lets the claimer attach a delivery photo that the wisher sees under check and the wall only once passed', async () => {
    const f = await setup();
    const posted = await post(`${f.path}/wishes`, f.elder.token, WISH);
    const wishId = posted.body.wishId as string;
    await post(`${f.path}/wishes/${wishId}/approve`, f.staff.accessToken);
    // Signed in through WeChat: the image check is asked with the uploader's openid.
    const volunteer = (await userWithGrants(api, [{ role: 'volunteer', communityId: f.c.communityId }], '张伟'))
      .accessToken;
    expect((await post(`${f.path}/wishes/${wishId}/claim`, volunteer)).status).toBe(200);
    const photoId = await upload(f.path, volunteer, 'wishDelivery');
    const otherVolunteer = await tokenFor({
      userId: freshId('v'),
      name: '李强',
      grants: [{ role: 'volunteer', communityId: f.c.communityId }],
    });
    const notTheirs = await post(`${f.path}/wishes/${wishId}/deliver`, otherVolunteer, { note: '已送到', photoId });
    expect([notTheirs.status, notTheirs.body.error.code]).toEqual([403, 'PHOTO_NOT_YOURS']);

    const delivered = await post(`${f.path}/wishes/${wishId}/deliver`, volunteer, {
      note: '收音机已送到家中',
      photoId,
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.deliveryPhoto.check).toBe('pending');
    const wisherSees = await get(`${f.path}/wishes/${wishId}`, f.elder.token);
    expect(wisherSees.body.wish.deliveryPhoto).toEqual({ url: expect.any(String), check: 'pending' });
    const neighbour = await residentMember(f.c, { buildingId: 'b2' });
    const wall = async () => (await get(`${f.path}/wish-wall`, neighbour.token)).body.wishes[0];
    expect((await wall()).deliveryPhoto).toBeUndefined();
    await verdictFor(`media-trace-${wechat.mediaCalls.length}`, 'pass');
    expect((await wall()).deliveryPhoto).toEqual({ url: expect.any(String), check: 'pass' });
    expect(wechat.mediaCalls).toHaveLength(1);
  });
});
