/**
 * The demo 微心愿 of the seed: one wish in each state, written in the shapes the repository
 * writes, so the API reads them (wall, queue, overview, my wishes, my claims) and moves them on.
 */
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_COMMUNITY_ID } from '../../scripts/lib/seed-data';
import { DEMO_CLINIC, wishDemoUsers, wishSeedItems } from '../../scripts/lib/seed-wishes';
import { localClient } from '../../scripts/lib/table-setup';
import { apiForThisFile } from '../helpers/api';
import { idem } from '../helpers/fixtures';
import { tokenFor } from '../helpers/tokens';

const api = apiForThisFile();

// A fixed day, so the claims and fulfilments all fall in 2026 whenever the test runs.
const SEEDED = new Date('2026-06-15T04:00:00.000Z');
const C = DEMO_COMMUNITY_ID;
const get = (path: string, token: string) => api.call<any>('GET', path, { token });
const post = (path: string, token: string) => api.call<any>('POST', path, { token, headers: idem(), body: {} });

describe('the demo wishes of the seed', () => {
  beforeAll(async () => {
    const doc = DynamoDBDocumentClient.from(localClient(process.env.DYNAMODB_ENDPOINT!), {
      marshallOptions: { removeUndefinedValues: true },
    });
    // The elder's member item as the seed writes it (with her care tags), for 我的心愿.
    const { seedItems } = await import('../../scripts/lib/seed');
    const elderItem = seedItems().find((i) => i.type === 'Member' && i.memberId === 'm-liu-shuzhen');
    expect(elderItem).toMatchObject({ tags: ['独居', '高龄'] });
    for (const item of [elderItem!, ...wishSeedItems(SEEDED)]) {
      await doc.send(new PutCommand({ TableName: process.env.TABLE_NAME!, Item: item }));
    }
  });

  const staff = () => tokenFor({ userId: 'u-staff', name: '刘晶', grants: [{ role: 'staff', communityId: C }] });
  const partner = () => tokenFor({ userId: 'u-partner', name: '周慧', grants: wishDemoUsers[0]!.grants });
  const elder = () =>
    tokenFor({
      userId: 'u-elder',
      name: '刘淑珍',
      grants: [{ role: 'resident', communityId: C, buildingId: 'b6', memberId: 'm-liu-shuzhen' }],
    });

  it('holds a wish in each state that staff see in the queue and the 2026 figures', async () => {
    const token = await staff();

    const overview = await get(`/community/${C}/wish-overview?year=2026`, token);
    const pending = await get(`/community/${C}/wish-queue?status=pending_review`, token);

    expect(overview.status).toBe(200);
    expect(overview.body.counts).toEqual({ pending_review: 1, open: 2, claimed: 1, delivered: 1, fulfilled: 1 });
    expect(overview.body.overdue.map((r: any) => r.wish.wishId)).toEqual(['seed-wish-claimed']);
    expect(overview.body.claimers[0]).toMatchObject({
      kind: 'partner',
      name: DEMO_CLINIC.name,
      claimed: 2,
      fulfilled: 1,
    });
    expect(overview.body.claimers[1]).toMatchObject({ kind: 'volunteer', name: '张伟', claimed: 1, fulfilled: 0 });
    expect(pending.body.rows.map((r: any) => r.wish.wishId)).toEqual(['seed-wish-pending']);
    const declined = await get(`/community/${C}/wishes/seed-wish-declined`, token);
    expect(declined.body.wish.status).toBe('declined');
    expect(declined.body.timeline.map((e: any) => e.to)).toEqual(['pending_review', 'declined']);
  });

  it('shows the bound partner unit the wish offered to it, claimable, and what it claimed', async () => {
    const token = await partner();

    const wall = await get(`/community/${C}/wish-wall`, token);
    const claims = await get(`/community/${C}/my-claims`, token);

    expect(wall.body.claimable.sort()).toEqual(['seed-wish-offered', 'seed-wish-open']);
    expect(wall.body.wishes.find((w: any) => w.wishId === 'seed-wish-open')).toMatchObject({
      wisherName: '6号楼 刘**',
      priority: true,
    });
    expect(claims.body.wishes.map((w: any) => w.status).sort()).toEqual(['delivered', 'fulfilled']);
    expect((await post(`/community/${C}/wishes/seed-wish-offered/claim`, token)).body.status).toBe('claimed');
  });

  it('lets the elder confirm the delivered wish, which the wall then shows fulfilled', async () => {
    const token = await elder();

    const mine = await get('/me/wishes', token);
    const detail = await get(`/community/${C}/wishes/seed-wish-delivered`, token);
    const confirmed = await post(`/community/${C}/wishes/seed-wish-delivered/confirm`, token);

    expect(mine.body.wishes.map((w: any) => w.wishId).sort()).toEqual(['seed-wish-delivered', 'seed-wish-open']);
    expect(detail.body.mine).toMatchObject({ isWisher: true, canConfirm: true, canWithdraw: false });
    expect(confirmed.body.status).toBe('fulfilled');
    const wall = await get(`/community/${C}/wish-wall`, token);
    expect(wall.body.wishes.find((w: any) => w.wishId === 'seed-wish-delivered').status).toBe('fulfilled');
  });
});
