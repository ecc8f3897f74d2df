/**
 * The photo stores, offline: the S3 adapter's presigned POST policy and GET link are decoded and
 * checked (no network: signing is local), and the dev store enforces the same form rules.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { PHOTO_MAX_BYTES, UPLOAD_FORM_SECONDS, photoShown } from '../../shared/src/domain/photos/rules';
import {
  acceptDevUpload,
  devPhotoStore,
  serveDevPhoto,
  setDevPhotoBaseUrl,
} from '../../functions/src/photos/dev-store';
import { s3Files } from '../../functions/src/photos/s3-files';
import { s3PhotoStore } from '../../functions/src/photos/s3-store';

const BUCKET = 'linli-prod-photos-123456789012-cn-northwest-1';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' };
const store = s3PhotoStore({ bucket: BUCKET, region: 'cn-northwest-1', credentials: CREDENTIALS });
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const rules = {
  key: 'uploads/c1/01JPHOTO.jpg',
  contentType: 'image/jpeg',
  maxBytes: PHOTO_MAX_BYTES,
  expiresSeconds: UPLOAD_FORM_SECONDS,
};

describe('S3 photo store', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds the very form the SDK createPresignedPost builds, field for field, session token included', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-04T19:30:15.123Z'));
    const withToken = { ...CREDENTIALS, sessionToken: 'session-token-example' };
    const sdk = new S3Client({ region: 'cn-northwest-1', credentials: withToken });
    const expected = await createPresignedPost(sdk, {
      Bucket: BUCKET,
      Key: rules.key,
      Conditions: [
        ['eq', '$Content-Type', rules.contentType],
        ['content-length-range', 1, rules.maxBytes],
      ],
      Fields: { 'Content-Type': rules.contentType },
      Expires: rules.expiresSeconds,
    });
    sdk.destroy();
    const ours = s3PhotoStore({ bucket: BUCKET, region: 'cn-northwest-1', credentials: withToken });
    const form = await ours.presignUpload(rules);
    expect(form).toEqual(expected);
    expect(Object.keys(form.fields)).toEqual(Object.keys(expected.fields));
    expect(form.fields['X-Amz-Security-Token']).toBe('session-token-example');
  });

  it('signs the policy with the SigV4 key of the day, region and service (checked from the specification)', async () => {
    const form = await store.presignUpload(rules);
    const day = form.fields['X-Amz-Date']!.slice(0, 8);
    expect(form.fields['X-Amz-Credential']).toBe(`AKIDEXAMPLE/${day}/cn-northwest-1/s3/aws4_request`);
    const key = hmac(
      hmac(hmac(hmac(`AWS4${CREDENTIALS.secretAccessKey}`, day), 'cn-northwest-1'), 's3'),
      'aws4_request',
    );
    expect(form.fields['X-Amz-Signature']).toBe(hmac(key, form.fields.Policy!).toString('hex'));
    expect(form.fields['X-Amz-Security-Token']).toBeUndefined();
  });

  it('signs a POST policy for the exact key, the content type, at most 5 MB, valid 10 minutes', async () => {
    const before = Date.now();
    const form = await store.presignUpload(rules);
    expect(form.url).toBe('https://linli-prod-photos-123456789012-cn-northwest-1.s3.cn-northwest-1.amazonaws.com.cn/');
    expect(form.fields).toEqual(
      expect.objectContaining({
        key: rules.key,
        'Content-Type': 'image/jpeg',
        bucket: 'linli-prod-photos-123456789012-cn-northwest-1',
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        Policy: expect.any(String),
        'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    );
    const policy = JSON.parse(Buffer.from(form.fields.Policy!, 'base64').toString('utf8')) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'linli-prod-photos-123456789012-cn-northwest-1' },
        { key: rules.key },
        ['eq', '$Content-Type', 'image/jpeg'],
        ['content-length-range', 1, PHOTO_MAX_BYTES],
      ]),
    );
    // No starts-with on the key: the form uploads to this one key and nowhere else.
    expect(JSON.stringify(policy.conditions)).not.toContain('starts-with');
    const lifetime = Date.parse(policy.expiration) - before;
    expect(lifetime).toBeGreaterThan((UPLOAD_FORM_SECONDS - 5) * 1000);
    expect(lifetime).toBeLessThanOrEqual((UPLOAD_FORM_SECONDS + 1) * 1000);
  });

  it('hands out a GET link for one key that expires after the given time, signed without the S3 client', async () => {
    const files = s3Files({ bucket: BUCKET, region: 'cn-northwest-1', credentials: CREDENTIALS });
    const link = new URL(await files.viewUrl('photos/c1/01JPHOTO.jpg', 3600));
    expect(link.origin).toBe(`https://${BUCKET}.s3.cn-northwest-1.amazonaws.com.cn`);
    expect(link.pathname).toBe('/photos/c1/01JPHOTO.jpg');
    expect(link.searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(link.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/cn-northwest-1\/s3\/aws4_request$/);
    expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks a file with a signed HEAD and keeps it with a signed server-side copy', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const answers = [
      new Response(null, { status: 200, headers: { 'content-length': '1234', 'content-type': 'image/jpeg' } }),
      new Response(null, { status: 404 }),
      new Response('<CopyObjectResult/>', { status: 200 }),
    ];
    const files = s3Files({
      bucket: BUCKET,
      region: 'cn-northwest-1',
      credentials: CREDENTIALS,
      fetch: (async (url: string, init: RequestInit) => {
        sent.push({ url, init });
        return answers.shift()!;
      }) as unknown as typeof fetch,
    });
    expect(await files.head('uploads/c1/a.jpg')).toEqual({ size: 1234, contentType: 'image/jpeg' });
    expect(await files.head('uploads/c1/missing.jpg')).toBeUndefined();
    await files.copy('uploads/c1/a.jpg', 'photos/c1/a.jpg');
    expect(sent.map((s) => [s.init.method, s.url])).toEqual([
      ['HEAD', `https://${BUCKET}.s3.cn-northwest-1.amazonaws.com.cn/uploads/c1/a.jpg`],
      ['HEAD', `https://${BUCKET}.s3.cn-northwest-1.amazonaws.com.cn/uploads/c1/missing.jpg`],
      ['PUT', `https://${BUCKET}.s3.cn-northwest-1.amazonaws.com.cn/photos/c1/a.jpg`],
    ]);
    const copyHeaders = sent[2]!.init.headers as Record<string, string>;
    expect(copyHeaders['x-amz-copy-source']).toBe(`/${BUCKET}/uploads/c1/a.jpg`);
    expect(copyHeaders.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/.*SignedHeaders=.*x-amz-copy-source.*Signature=[0-9a-f]{64}$/,
    );
  });
});

describe('dev photo store', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'linli-photos-'));
    process.env.PHOTO_DEV_DIR = dir;
    setDevPhotoBaseUrl('http://127.0.0.1:3999');
  });
  afterAll(async () => {
    delete process.env.PHOTO_DEV_DIR;
    await rm(dir, { recursive: true, force: true });
  });

  const jpeg = (bytes: number) => new Blob([new Uint8Array(bytes).fill(0xff)], { type: 'image/jpeg' });
  async function formFor(key: string, overrides: Record<string, string> = {}, file: Blob = jpeg(100)) {
    const upload = await devPhotoStore().presignUpload({ ...rules, key });
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...upload.fields, ...overrides })) form.append(name, value);
    form.append('file', file, 'photo.jpg');
    return { upload, form };
  }

  it('stores a file posted with its signed form and serves it only with an unexpired signature', async () => {
    const dev = devPhotoStore();
    const { upload, form } = await formFor('uploads/c1/a.jpg');
    expect(upload.url).toBe('http://127.0.0.1:3999/dev-photos');
    expect((await acceptDevUpload(form)).status).toBe(204);
    expect(await dev.head('uploads/c1/a.jpg')).toEqual({ size: 100, contentType: 'image/jpeg' });
    await dev.copy('uploads/c1/a.jpg', 'photos/c1/a.jpg');
    const link = new URL(await dev.viewUrl('photos/c1/a.jpg', 60));
    const served = await serveDevPhoto('photos/c1/a.jpg', link.searchParams);
    expect([served.status, served.contentType, (served.body as Buffer).length]).toEqual([200, 'image/jpeg', 100]);
    expect((await serveDevPhoto('photos/c1/b.jpg', link.searchParams)).status).toBe(403);
    const expired = new URLSearchParams(link.searchParams);
    expired.set('expires', String(Date.now() - 1));
    expect((await serveDevPhoto('photos/c1/a.jpg', expired)).status).toBe(403);
  });

  it('refuses another key, another type, a forged policy, an empty or too large file', async () => {
    const other = await formFor('uploads/c1/x.jpg', { key: 'uploads/c1/elsewhere.jpg' });
    expect((await acceptDevUpload(other.form)).status).toBe(403);
    const png = await formFor('uploads/c1/y.jpg', { 'Content-Type': 'image/png' });
    expect((await acceptDevUpload(png.form)).status).toBe(403);
    const forged = await formFor('uploads/c1/z.jpg', { signature: '0'.repeat(64) });
    expect((await acceptDevUpload(forged.form)).status).toBe(403);
    expect((await acceptDevUpload((await formFor('uploads/c1/e.jpg', {}, jpeg(0))).form)).status).toBe(400);
    const big = await formFor('uploads/c1/big.jpg', {}, jpeg(PHOTO_MAX_BYTES + 1));
    expect((await acceptDevUpload(big.form)).status).toBe(400);
    expect(await devPhotoStore().head('uploads/c1/big.jpg')).toBeUndefined();
  });
});

describe('who sees a photo', () => {
  it('shows owners a photo under check and tells them of a refusal; others see only passed, public photos', () => {
    const owner = { owner: true, isPublic: false };
    const neighbour = { owner: false, isPublic: true };
    expect(photoShown('pending', owner)).toEqual({ check: 'pending', withUrl: true });
    expect(photoShown('review', owner)).toEqual({ check: 'pending', withUrl: true });
    expect(photoShown('risky', owner)).toEqual({ check: 'refused', withUrl: false });
    expect(photoShown('pass', owner)).toEqual({ check: 'pass', withUrl: true });
    expect(photoShown('pending', neighbour)).toBeUndefined();
    expect(photoShown('risky', neighbour)).toBeUndefined();
    expect(photoShown('pass', neighbour)).toEqual({ check: 'pass', withUrl: true });
    expect(photoShown('pass', { owner: false, isPublic: false })).toBeUndefined();
  });
});
