/**
 * The ledger under concurrency, through the real API on DynamoDB Local: randomized postings from
 * many clients at once keep the books balanced; redemptions never overdraw; a code works once.
 */
import { ISSUANCE_ACCOUNT, merchantAccount, volunteerAccount } from '@linli/shared/domain/points/ledger';
import { redemptionCode } from '../../functions/src/points/codes';
import { accountEntries, balanceOf } from '../../functions/src/points/repository';
import { apiForThisFile } from '../helpers/api';
import { freshId } from '../helpers/ids';
import {
  adjust,
  createCommunity,
  createMerchant,
  idem,
  operatorOf,
  staffOf,
  volunteerOf,
  merchantAndFundedVolunteer,
  type Person,
} from '../helpers/points-fixtures';
import { scanWhere } from '../helpers/table-scan';
import { ledgerKey } from '../../functions/src/points/items';

const api = apiForThisFile();

/** A code as the volunteer's app gets it from POST /redemption-codes (signed with the stack's key). */
async function codeFor(communityId: string, userId: string, merchantId: string, points: number) {
  const signed = await redemptionCode(
    { i: freshId('code'), c: communityId, u: userId, m: merchantId, o: 'haircut', p: points },
    new Date(),
  );
  return signed.code;
}

const redeem = (communityId: string, operator: Person, code: string) =>
  api.call<any>('POST', `/community/${communityId}/merchant/redemptions`, {
    token: operator.token,
    headers: idem(),
    body: { code },
  });

/** Retries 503 (busy) with the same Idempotency-Key, as the mini-program's client does. */
async function withClientRetry(send: (headers: Record<string, string>) => Promise<{ status: number; body: any }>) {
  const headers = idem();
  for (let attempt = 0; ; attempt += 1) {
    const res = await send(headers);
    if (res.status !== 503 || attempt >= 5) return res;
    await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
  }
}

describe('points ledger under concurrency', () => {
  it('keeps 2,000 randomized postings from 20 concurrent clients balanced: sum zero, balances = entries, none below zero', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const volunteers = await Promise.all(Array.from({ length: 20 }, (_, i) => volunteerOf(c, `志愿者${i}`)));
    const merchants = await Promise.all(
      ['老马理发店', '惠民便利店', '安居苑药房', '社区菜店'].map((name) => createMerchant(api, c, staff, {}, name)),
    );
    const operators = await Promise.all(merchants.map((m) => operatorOf(c, m.merchantId)));

    // Deterministic "random" so a failure can be replayed.
    let seed = 20261122;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const jobs = Array.from({ length: 2000 }, () => {
      const v = volunteers[Math.floor(rand() * volunteers.length)]!;
      const r = rand();
      if (r < 0.5) return { kind: 'credit' as const, v, points: 1 + Math.floor(rand() * 60) };
      if (r < 0.65) return { kind: 'debit' as const, v, points: -(1 + Math.floor(rand() * 40)) };
      const m = Math.floor(rand() * merchants.length);
      return { kind: 'redeem' as const, v, m, points: 1 + Math.floor(rand() * 50) };
    });

    const outcomes: { status: number; code?: string }[] = [];
    let next = 0;
    const client = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const res =
          job.kind === 'redeem'
            ? await withClientRetry(async (headers) =>
                api.call<any>('POST', `/community/${c.communityId}/merchant/redemptions`, {
                  token: operators[job.m]!.token,
                  headers,
                  body: { code: await codeFor(c.communityId, job.v.userId, merchants[job.m]!.merchantId, job.points) },
                }),
              )
            : await withClientRetry((headers) =>
                api.call<any>('POST', `/community/${c.communityId}/points/adjustments`, {
                  token: staff.token,
                  headers,
                  body: { userId: job.v.userId, points: job.points, reason: '随机记账' },
                }),
              );
        outcomes.push({ status: res.status, code: res.body?.error?.code });
      }
    };
    await Promise.all(Array.from({ length: 20 }, client));

    // Every answer is a posting or a refusal for want of points; nothing else.
    const posted = outcomes.filter((o) => o.status === 201).length;
    const refused = outcomes.filter((o) => o.status === 422 && o.code === 'POINTS_INSUFFICIENT').length;
    expect(posted + refused).toBe(2000);
    expect(posted).toBeGreaterThan(1000);

    const accounts = [
      ISSUANCE_ACCOUNT,
      ...volunteers.map((v) => volunteerAccount(v.userId)),
      ...merchants.map((m) => merchantAccount(m.merchantId)),
    ];
    const balances = await Promise.all(accounts.map((a) => balanceOf(c.communityId, a)));
    const entrySums = await Promise.all(
      accounts.map(async (a) => (await accountEntries(c.communityId, a)).reduce((s, e) => s + e.amount, 0)),
    );
    expect(balances.reduce((a, b) => a + b, 0)).toBe(0);
    expect(balances).toEqual(entrySums);
    for (let i = 1; i < accounts.length; i += 1) expect(balances[i]).toBeGreaterThanOrEqual(0);
    // One posting per success: two entries each, on the accounts of this community only.
    const entryCount = (
      await Promise.all(accounts.map(async (a) => (await accountEntries(c.communityId, a)).length))
    ).reduce((a, b) => a + b, 0);
    expect(entryCount).toBe(posted * 2);
    // DynamoDB Local does about four writes and reads per posting; on a busy shared 2-core machine
    // that is ~25 postings a second, so this test alone allows itself more than the tier's default.
  }, 180_000);

  it('lets exactly 3 of 50 concurrent 30-point redemptions through against a balance of 100', async () => {
    const { c, v, m, operator } = await merchantAndFundedVolunteer(api);
    const codes = await Promise.all(
      Array.from({ length: 50 }, () => codeFor(c.communityId, v.userId, m.merchantId, 30)),
    );

    const answers = await Promise.all(
      codes.map((code) =>
        withClientRetry((headers) =>
          api.call<any>('POST', `/community/${c.communityId}/merchant/redemptions`, {
            token: operator.token,
            headers,
            body: { code },
          }),
        ),
      ),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 422 && a.body.error.code === 'POINTS_INSUFFICIENT')).toHaveLength(47);
    expect(await balanceOf(c.communityId, volunteerAccount(v.userId))).toBe(10);
    expect(await balanceOf(c.communityId, merchantAccount(m.merchantId))).toBe(90);
  });

  it('accepts a code once when two operators scan it at the same moment, and refuses another merchant', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const m = await createMerchant(api, c, staff);
    const other = await createMerchant(api, c, staff, {}, '惠民便利店');
    const [cashier1, cashier2, stranger] = await Promise.all([
      operatorOf(c, m.merchantId),
      operatorOf(c, m.merchantId),
      operatorOf(c, other.merchantId),
    ]);
    expect((await adjust(api, c, staff, v.userId, 100)).status).toBe(201);
    const code = await codeFor(c.communityId, v.userId, m.merchantId, 30);

    const [a, b, s] = await Promise.all([
      redeem(c.communityId, cashier1, code),
      redeem(c.communityId, cashier2, code),
      redeem(c.communityId, stranger, code),
    ]);

    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((x) => x.status === 409)!.body.error.code).toBe('REDEMPTION_CODE_USED');
    expect(s.status).toBe(422);
    expect(s.body.error.code).toBe('REDEMPTION_OTHER_MERCHANT');
    expect(await balanceOf(c.communityId, volunteerAccount(v.userId))).toBe(70);
  });

  it('writes nothing for a forged, expired or foreign-community code', async () => {
    const { c, v, m, operator } = await merchantAndFundedVolunteer(api);
    const good = await codeFor(c.communityId, v.userId, m.merchantId, 30);
    const [kind, payload, sig] = good.split('.') as [string, string, string];
    const tampered = JSON.parse(Buffer.from(payload, 'base64url').toString());
    tampered.p = 1;
    const forged = `${kind}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${sig}`;
    const old = await redemptionCode(
      { i: freshId('code'), c: c.communityId, u: v.userId, m: m.merchantId, o: 'haircut', p: 30 },
      new Date(Date.now() - 61_000),
    );
    const elsewhere = await codeFor('another-community', v.userId, m.merchantId, 30);
    const before = await scanCommunity(c.communityId);

    const answers = await Promise.all(
      [forged, old.code, elsewhere].map((code) => redeem(c.communityId, operator, code)),
    );

    expect(answers.map((a) => [a.status, a.body.error.code])).toEqual([
      [422, 'REDEMPTION_CODE_INVALID'],
      [422, 'REDEMPTION_CODE_EXPIRED'],
      [422, 'REDEMPTION_OTHER_MERCHANT'],
    ]);
    expect(await scanCommunity(c.communityId)).toEqual(before);
  });
});

/** Every ledger item of a community (test-only Scan), to show a refusal wrote nothing. */
async function scanCommunity(communityId: string) {
  const items = await scanWhere('begins_with(pk, :a) OR begins_with(pk, :p)', {
    ':a': ledgerKey.account(communityId, ''),
    ':p': ledgerKey.posting(communityId, '').pk,
  });
  return items.map((i) => JSON.stringify(i)).sort();
}
