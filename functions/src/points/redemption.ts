/** Redemption: a volunteer's one-time code, the merchant's preview and confirmation, statements. */
import { ulid } from 'ulidx';
import type { Offer, Receipt, RedemptionCode } from '@linli/shared/contract/points';
import type { Principal } from '@linli/shared/contract/principal';
import {
  agreementActive,
  maskName,
  merchantAccount,
  offerPrice,
  redemption,
  shanghaiMonth,
  volunteerAccount,
} from '@linli/shared/domain/points/ledger';
import { newShortCode, readShortCode } from '@linli/shared/domain/common/short-code';
import { DomainError } from '@linli/shared/domain-error';
import { getUser } from '../identity';
import { reserveCodeAttempt } from '../platform/code-attempts';
import { completionPut } from '../platform/idempotency';
import { randomNumbers } from '../platform/random';
import type { PointsEvent as OutboxEvent } from './events';
import { expired, readRedemptionCode, redemptionCode } from './codes';
import { operatedMerchant } from './merchants';
import * as repo from './repository';
import type { MerchantRecord } from './records';
import { merchantView, receiptView, record } from './views';
import { volunteerOf } from './volunteers';

function activeOffer(m: MerchantRecord | undefined, offerId: string, now: Date): Offer {
  if (!m) throw new DomainError('MERCHANT_NOT_FOUND');
  if (!m.agreement || !agreementActive(m.agreement, now)) throw new DomainError('OFFER_NOT_ACTIVE');
  const offer = m.agreement.offers.find((o) => o.offerId === offerId);
  if (!offer) throw new DomainError('OFFER_NOT_FOUND');
  return offer;
}

/** A one-time code for an offer, valid 60 seconds; the balance is checked again when the merchant confirms. */
export async function createRedemptionCode(
  principal: Principal,
  communityId: string,
  input: { merchantId: string; offerId: string; orderFen?: number; points?: number },
): Promise<RedemptionCode> {
  await volunteerOf(principal, communityId);
  const now = new Date();
  const m = await repo.getMerchant(communityId, input.merchantId);
  const offer = activeOffer(m, input.offerId, now);
  const price = offerPrice(offer, input);
  if (!price.ok) throw new DomainError(price.code);
  const balance = await repo.balanceOf(communityId, volunteerAccount(principal.userId));
  if (balance < price.points) throw new DomainError('POINTS_INSUFFICIENT');
  const codeId = ulid(now.getTime());
  const signed = await redemptionCode(
    {
      i: codeId,
      c: communityId,
      u: principal.userId,
      m: m!.id,
      o: offer.offerId,
      p: price.points,
      f: price.deductionFen,
    },
    now,
  );
  const shortCode = await takeShortCode({
    communityId,
    code: signed.code,
    codeId,
    merchantId: m!.id,
    expiresAt: Date.parse(signed.expiresAt) / 1000,
  });
  return {
    codeId,
    ...signed,
    shortCode,
    points: price.points,
    deductionFen: price.deductionFen,
    merchantName: m!.name,
    offerTitle: offer.title,
  };
}

/** A random short code for the redemption, stored with its signed code; a clash with a live one draws again. */
async function takeShortCode(r: Omit<repo.RedemptionShortCodeRecord, 'shortCode'>): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const shortCode = newShortCode(randomNumbers);
    if (await repo.putRedemptionShortCode({ ...r, shortCode }, new Date())) return shortCode;
  }
  throw new DomainError('SERVICE_UNAVAILABLE');
}

/**
 * The signed code a merchant scanned, or the one behind the short code they typed. Typed codes
 * that lead to no redemption of this shop count against the operator's tries per minute.
 */
async function signedCodeOf(principal: Principal, communityId: string, input: string): Promise<string> {
  const shortCode = readShortCode(input.trim());
  if (!shortCode) return input;
  const merchantId = operatedMerchant(principal, communityId);
  const attempt = await reserveCodeAttempt('redeem', principal.userId);
  const mapped = await repo.getRedemptionShortCode(communityId, shortCode);
  if (!mapped) throw new DomainError('REDEMPTION_CODE_INVALID');
  if (mapped.merchantId !== merchantId) throw new DomainError('REDEMPTION_OTHER_MERCHANT');
  await attempt.release();
  return mapped.code;
}

async function checkedCode(principal: Principal, communityId: string, input: string) {
  const code = await signedCodeOf(principal, communityId, input);
  const claims = await readRedemptionCode(code);
  if (!claims) throw new DomainError('REDEMPTION_CODE_INVALID');
  const now = new Date();
  if (expired(claims.e, now)) throw new DomainError('REDEMPTION_CODE_EXPIRED');
  if (claims.c !== communityId || claims.m !== operatedMerchant(principal, communityId))
    throw new DomainError('REDEMPTION_OTHER_MERCHANT');
  const m = await repo.getMerchant(communityId, claims.m);
  const offer = activeOffer(m, claims.o, now);
  const volunteer = await getUser(claims.u);
  return { claims, merchant: m!, offer, maskedName: maskName(volunteer?.name ?? '志愿者'), now };
}

export async function previewRedemption(principal: Principal, communityId: string, code: string) {
  const { claims, merchant, offer, maskedName } = await checkedCode(principal, communityId, code);
  if (await repo.getPostingByKey(communityId, `redeem#${claims.i}`)) throw new DomainError('REDEMPTION_CODE_USED');
  return {
    maskedName,
    merchantName: merchant.name,
    offerTitle: offer.title,
    points: claims.p,
    deductionFen: claims.f,
    expiresAt: new Date(claims.e * 1000).toISOString(),
  };
}

/** The merchant confirms: volunteer → merchant in one transaction, once per code, within the monthly cap. */
export async function confirmRedemption(principal: Principal, communityId: string, code: string): Promise<Receipt> {
  const { claims, merchant, offer, maskedName, now } = await checkedCode(principal, communityId, code);
  const p = record(
    communityId,
    redemption(claims.i, claims.u, merchant.id, claims.p, `兑换：${merchant.name} ${offer.title}`),
    principal,
    {
      volunteerUserId: claims.u,
      redemption: {
        codeId: claims.i,
        merchantId: merchant.id,
        merchantName: merchant.name,
        offerTitle: offer.title,
        maskedName,
        deductionFen: claims.f,
      },
    },
    now,
  );
  const event: OutboxEvent = {
    type: 'points.redeemed',
    communityId,
    userId: claims.u,
    operatorUserId: principal.userId,
    merchantName: merchant.name,
    offerTitle: offer.title,
    maskedName,
    points: claims.p,
    codeId: claims.i,
  };
  const reply = receiptView(p);
  const outcome = await repo.post(p, {
    merchantCap: merchant.agreement?.monthlyCap,
    events: [event],
    completion: completionPut(reply),
  });
  if (outcome.outcome === 'duplicate') throw new DomainError('REDEMPTION_CODE_USED');
  if (outcome.outcome === 'insufficient') throw new DomainError('POINTS_INSUFFICIENT');
  if (outcome.outcome === 'cap') throw new DomainError('MERCHANT_MONTHLY_CAP');
  if (outcome.outcome !== 'posted') throw new DomainError('SERVICE_UNAVAILABLE');
  return reply;
}

/** The volunteer's screen asks whether the merchant confirmed the code yet. */
export async function getRedemption(principal: Principal, communityId: string, codeId: string) {
  const p = await repo.getPostingByKey(communityId, `redeem#${codeId}`);
  if (!p) return { status: 'pending' as const };
  if (p.volunteerUserId !== principal.userId) throw new DomainError('REDEMPTION_NOT_FOUND');
  return { status: 'redeemed' as const, receipt: receiptView(p) };
}

export async function merchantRedemptions(
  principal: Principal,
  communityId: string,
  month = shanghaiMonth(new Date()),
) {
  const merchantId = operatedMerchant(principal, communityId);
  const m = await repo.getMerchant(communityId, merchantId);
  if (!m) throw new DomainError('MERCHANT_NOT_FOUND');
  const entries = await repo.accountEntries(communityId, merchantAccount(merchantId), { month });
  const redemptions = entries
    .filter((e) => e.kind === 'redeem' && e.redemption)
    .map((e): Receipt => ({
      postingId: e.postingId,
      codeId: e.redemption!.codeId,
      maskedName: e.redemption!.maskedName,
      merchantId,
      merchantName: m.name,
      offerTitle: e.redemption!.offerTitle,
      points: e.amount,
      deductionFen: e.redemption!.deductionFen,
      redeemedAt: e.postedAt,
      reversed: e.reversed,
    }));
  const figures = (await repo.monthFigures(communityId, merchantAccount(merchantId))).find((r) => r.month === month);
  return {
    merchant: merchantView(m, false),
    month,
    statement: {
      count: figures?.redemptions ?? 0,
      points: figures?.redeemed ?? 0,
      deductionFen: figures?.deductionFen ?? 0,
      monthlyCap: m.agreement?.monthlyCap,
    },
    redemptions,
  };
}
