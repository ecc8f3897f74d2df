/**
 * Typed short codes through the API: the 6 characters a merchant types for a redemption and a
 * volunteer types for an activity check-in/out, when the camera cannot read the QR code. Each
 * stands for the signed code, lives as long as it, works once, and guessing is limited.
 */
import { volunteerAccount } from '@linli/shared/domain/points/ledger';
import { ERRORS } from '@linli/shared/errors';
import { CODE_ATTEMPTS_PER_MINUTE } from '../../functions/src/platform/code-attempts';
import { activityCode, redemptionCode } from '../../functions/src/points/codes';
import { accountEntries, putRedemptionShortCode } from '../../functions/src/points/repository';
import { apiForThisFile } from '../helpers/api';
import type { CommunityFixture } from '../helpers/fixtures';
import {
  createCommunity,
  createMerchant,
  idem,
  operatorOf,
  staffOf,
  volunteerOf,
  merchantAndFundedVolunteer,
  volunteerBalance,
  type Person,
} from '../helpers/points-fixtures';

const api = apiForThisFile();

const SHORT_CODE = /^[2-9A-HJKMNP-Z]{6}$/;

const issue = (c: CommunityFixture, v: Person, merchantId: string) =>
  api.call<any>('POST', `/community/${c.communityId}/redemption-codes`, {
    token: v.token,
    body: { merchantId, offerId: 'haircut' },
  });

const preview = (c: CommunityFixture, operator: Person, code: string) =>
  api.call<any>('POST', `/community/${c.communityId}/merchant/redemption-preview`, {
    token: operator.token,
    body: { code },
  });

const confirm = (c: CommunityFixture, operator: Person, code: string) =>
  api.call<any>('POST', `/community/${c.communityId}/merchant/redemptions`, {
    token: operator.token,
    headers: idem(),
    body: { code },
  });

/** Well-formed codes nobody holds (a live code matches one in 31^6 ≈ 887 million). */
const wrongCode = (i: number) => `2345${'6789'[i % 4]}${'23456789'[Math.floor(i / 4) % 8]}`;

/**
 * Waits while the clock is in the last seconds of a minute: the guess limit counts per calendar
 * minute, and a test that guesses across the turn of a minute would find its count reset.
 */
async function awayFromMinuteEdge() {
  const second = new Date().getUTCSeconds();
  if (second >= 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe('redemption short codes', () => {
  it('issues 6 readable characters that name nobody, and the merchant can preview and confirm with them once', async () => {
    const { c, v, m, operator } = await merchantAndFundedVolunteer(api);

    const issued = await issue(c, v, m.merchantId);
    expect(issued.status).toBe(200);
    const { shortCode } = issued.body;
    expect(shortCode).toMatch(SHORT_CODE);
    expect(shortCode).not.toContain(v.userId);
    // Typed as people type: lower case, with spaces around.
    const typed = ` ${shortCode.toLowerCase()} `;
    const seen = await preview(c, operator, typed);
    const done = await confirm(c, operator, typed);
    const again = await confirm(c, operator, shortCode);

    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ maskedName: '张*', offerTitle: '理发一次', points: 30 });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ codeId: issued.body.codeId, points: 30 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('REDEMPTION_CODE_USED');
    expect(await volunteerBalance(c, v.userId)).toBe(70);
  });

  it('refuses a short code whose QR code has expired, writing nothing', async () => {
    const { c, v, m, operator } = await merchantAndFundedVolunteer(api);
    // Arrange a code issued two minutes ago (valid 60 s), as if time had passed.
    const signed = await redemptionCode(
      { i: `code-${Date.now()}`, c: c.communityId, u: v.userId, m: m.merchantId, o: 'haircut', p: 30 },
      new Date(Date.now() - 120_000),
    );
    const shortCode = 'EXP3ED';
    expect(
      await putRedemptionShortCode(
        {
          communityId: c.communityId,
          shortCode,
          code: signed.code,
          codeId: 'expired',
          merchantId: m.merchantId,
          expiresAt: Date.parse(signed.expiresAt) / 1000,
        },
        new Date(Date.now() - 120_000),
      ),
    ).toBe(true);

    const answer = await confirm(c, operator, shortCode);

    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('REDEMPTION_CODE_EXPIRED');
    expect(await volunteerBalance(c, v.userId)).toBe(100);
  });

  it('refuses a genuine code typed by another merchant of the community and by a merchant of another community', async () => {
    const { c, staff, v, m } = await merchantAndFundedVolunteer(api);
    const rival = await createMerchant(api, c, staff, {}, '惠民便利店');
    const rivalOperator = await operatorOf(c, rival.merchantId, '赵老板');
    const other = await createCommunity();
    const otherStaff = await staffOf(other);
    const farMerchant = await createMerchant(api, other, otherStaff, {}, '新华苑理发');
    const farOperator = await operatorOf(other, farMerchant.merchantId, '钱师傅');
    const issued = await issue(c, v, m.merchantId);

    const byRival = await confirm(c, rivalOperator, issued.body.shortCode);
    const fromAfar = await confirm(other, farOperator, issued.body.shortCode);

    expect(byRival.status).toBe(422);
    expect(byRival.body.error.code).toBe('REDEMPTION_OTHER_MERCHANT');
    expect(fromAfar.status).toBe(422);
    expect(fromAfar.body.error.code).toBe('REDEMPTION_CODE_INVALID');
    expect(await volunteerBalance(c, v.userId)).toBe(100);
    expect(await accountEntries(c.communityId, volunteerAccount(v.userId), {})).toHaveLength(1);
  });

  it('limits guessing: after the wrong tries of a minute even a genuine code waits, with a 429 and nothing written', async () => {
    const { c, v, m, operator } = await merchantAndFundedVolunteer(api);
    const issued = await issue(c, v, m.merchantId);

    await awayFromMinuteEdge();
    const guesses = [];
    for (let i = 0; i < CODE_ATTEMPTS_PER_MINUTE; i += 1) guesses.push(await preview(c, operator, wrongCode(i)));
    const blocked = await preview(c, operator, wrongCode(CODE_ATTEMPTS_PER_MINUTE));
    const genuineButBlocked = await confirm(c, operator, issued.body.shortCode);
    // The scanned QR text is not a guess: it is checked by its signature, not looked up.
    const scanned = await preview(c, operator, issued.body.code);

    expect(guesses.map((g) => g.body.error.code)).toEqual(
      Array(CODE_ATTEMPTS_PER_MINUTE).fill('REDEMPTION_CODE_INVALID'),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toMatchObject({
      code: 'CODE_ATTEMPTS_EXCEEDED',
      message: ERRORS.CODE_ATTEMPTS_EXCEEDED.message,
    });
    expect(genuineButBlocked.status).toBe(429);
    expect(scanned.status).toBe(200);
    expect(await volunteerBalance(c, v.userId)).toBe(100);
  });

  it('lets exactly one of several simultaneous confirmations of one short code through', async () => {
    const { c, v, m, operator } = await merchantAndFundedVolunteer(api);
    const issued = await issue(c, v, m.merchantId);

    const answers = await Promise.all(
      Array.from({ length: CODE_ATTEMPTS_PER_MINUTE }, () => confirm(c, operator, issued.body.shortCode)),
    );

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, ...Array(CODE_ATTEMPTS_PER_MINUTE - 1).fill(409)]);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(CODE_ATTEMPTS_PER_MINUTE - 1).fill('REDEMPTION_CODE_USED'),
    );
    expect(await volunteerBalance(c, v.userId)).toBe(70);
  });
});

describe('activity short codes', () => {
  const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

  async function activitySetup(c: CommunityFixture, staff: Person) {
    const res = await api.call<any>('POST', `/community/${c.communityId}/activities`, {
      token: staff.token,
      headers: idem(),
      body: {
        title: '敲门探访独居老人',
        place: '社区服务中心',
        startsAt: inMinutes(-30),
        endsAt: inMinutes(120),
        slots: 5,
        award: { kind: 'perHour', pointsPerHour: 20 },
      },
    });
    expect(res.status).toBe(201);
    return res.body.activityId as string;
  }

  const signUp = (c: CommunityFixture, v: Person, activityId: string) =>
    api.call<any>('POST', `/community/${c.communityId}/activities/${activityId}/signups`, {
      token: v.token,
      headers: idem(),
    });

  const shown = async (c: CommunityFixture, staff: Person, activityId: string, action: 'in' | 'out') =>
    (
      await api.call<any>('GET', `/community/${c.communityId}/activities/${activityId}/code?action=${action}`, {
        token: staff.token,
      })
    ).body as { code: string; shortCode: string };

  const scan = (c: CommunityFixture, v: Person, text: string) =>
    api.call<any>('POST', `/community/${c.communityId}/activity-scans`, {
      token: v.token,
      headers: idem(),
      body: { code: text },
    });

  it('checks a volunteer in and out with the 6 characters on the staff screen, the same on every screen', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const activityId = await activitySetup(c, staff);
    expect((await signUp(c, v, activityId)).status).toBe(201);

    const checkIn = await shown(c, staff, activityId, 'in');
    const sameMinute = await shown(c, staff, activityId, 'in');
    const checkOut = await shown(c, staff, activityId, 'out');
    expect(checkIn.shortCode).toMatch(SHORT_CODE);
    expect([sameMinute.shortCode, checkOut.shortCode]).toEqual([
      checkIn.shortCode,
      expect.not.stringMatching(checkIn.shortCode),
    ]);

    const typedIn = await scan(c, v, checkIn.shortCode.toLowerCase());
    const inAgain = await scan(c, v, checkIn.shortCode);
    const typedOut = await scan(c, v, checkOut.shortCode);

    expect(typedIn.status).toBe(200);
    expect(typedIn.body).toMatchObject({ action: 'in', signup: { status: 'checked_in' } });
    expect(inAgain.status).toBe(409);
    expect(inAgain.body.error.code).toBe('ACTIVITY_ALREADY_CHECKED_IN');
    expect(typedOut.body).toMatchObject({ action: 'out', signup: { status: 'checked_out' } });
  });

  it('refuses an expired code, a code of another community and guessing, leaving the signup as it was', async () => {
    const c = await createCommunity();
    const staff = await staffOf(c);
    const v = await volunteerOf(c);
    const activityId = await activitySetup(c, staff);
    expect((await signUp(c, v, activityId)).status).toBe(201);
    const other = await createCommunity();
    const otherStaff = await staffOf(other);
    const otherActivity = await activitySetup(other, otherStaff);
    const old = await activityCode(c.communityId, activityId, 'in', new Date(Date.now() - 10 * 60_000));
    const elsewhere = await shown(other, otherStaff, otherActivity, 'in');

    await awayFromMinuteEdge();
    const expired = await scan(c, v, old.shortCode);
    const foreign = await scan(c, v, elsewhere.shortCode);
    const guesses = [];
    for (let i = 2; i < CODE_ATTEMPTS_PER_MINUTE; i += 1) guesses.push(await scan(c, v, wrongCode(i)));
    const blocked = await scan(c, v, (await shown(c, staff, activityId, 'in')).shortCode);

    expect([expired, foreign, ...guesses].map((a) => [a.status, a.body.error.code])).toEqual(
      Array(CODE_ATTEMPTS_PER_MINUTE).fill([422, 'ACTIVITY_CODE_INVALID']),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('CODE_ATTEMPTS_EXCEEDED');
    const signups = await api.call<any>('GET', `/community/${c.communityId}/activities/${activityId}/signups`, {
      token: staff.token,
    });
    expect(signups.body.signups).toEqual([expect.objectContaining({ userId: v.userId, status: 'signed_up' })]);
  });
});
