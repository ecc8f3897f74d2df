import * as z from 'zod/mini';
import { IsoTime, communityItemParams } from './common';
import { defineRoute, lazy } from './route';

/**
 * The version of Linli's privacy guide (隐私保护指引) in force: the date it was last changed. A
 * consent is recorded per version; a new version asks everyone again.
 */
export const PRIVACY_GUIDE_VERSION = '2026-12-04';

/** Where the consent was given. */
export const CONSENT_PLATFORMS = ['weapp', 'h5'] as const;

const PrivacyConsent = lazy(() =>
  z.object({
    version: z.string(),
    platform: z.enum(CONSENT_PLATFORMS),
    agreedAt: IsoTime(),
  }),
);

/** The words a resident types (or taps) to confirm deleting their account. */
export const ERASE_CONFIRMATION = '确认注销';

const ErasureReport = lazy(() =>
  z.object({
    cancelledBookings: z.int(),
    cancelledOrders: z.int(),
    keptBookings: z.int(),
    keptOrders: z.int(),
    erasedItems: z.int(),
    deletedItems: z.int(),
  }),
);

/** Account deletion and a copy of one's data (个人信息保护法: 删除权、查阅复制权). */
export const privacyRoutes = {
  recordPrivacyConsent: defineRoute({
    id: 'recordPrivacyConsent',
    method: 'POST',
    path: '/me/privacy-consent',
    summary: '记录本人同意《邻里隐私保护指引》的版本（同一版本只记一次）',
    domain: 'privacy',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      body: z.strictObject({
        version: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '隐私保护指引的版本应为日期，如 2026-12-04')),
        platform: z.enum(CONSENT_PLATFORMS),
      }),
      response: PrivacyConsent(),
    }),
  }),
  myPrivacyConsents: defineRoute({
    id: 'myPrivacyConsents',
    method: 'GET',
    path: '/me/privacy-consent',
    summary: '本人同意过的隐私保护指引版本',
    domain: 'privacy',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      response: z.object({ current: z.string(), consents: z.array(PrivacyConsent()) }),
    }),
  }),
  eraseMyAccount: defineRoute({
    id: 'eraseMyAccount',
    method: 'POST',
    path: '/me/erase',
    summary: '注销账号：取消未来的预约和未取的订单，删除姓名、电话、出生日期和微信标识',
    domain: 'privacy',
    roles: 'authenticated',
    scope: 'none',
    idempotent: true,
    schemas: () => ({
      body: z.strictObject({ confirm: z.literal(ERASE_CONFIRMATION, `请输入“${ERASE_CONFIRMATION}”以确认`) }),
      response: ErasureReport(),
    }),
  }),
  eraseMember: defineRoute({
    id: 'eraseMember',
    method: 'POST',
    path: '/community/:communityId/members/:memberId/erase',
    summary: '为居民注销档案（如没有微信的老人本人要求）',
    domain: 'privacy',
    roles: ['staff'],
    scope: 'community',
    idempotent: true,
    schemas: () => ({
      params: communityItemParams('memberId'),
      body: z.strictObject({ confirm: z.literal(ERASE_CONFIRMATION, `请输入“${ERASE_CONFIRMATION}”以确认`) }),
      response: ErasureReport(),
    }),
  }),
  copyMyData: defineRoute({
    id: 'copyMyData',
    method: 'GET',
    path: '/me/data',
    summary: '下载我的数据副本（JSON）',
    domain: 'privacy',
    roles: 'authenticated',
    scope: 'none',
    idempotent: false,
    schemas: () => ({
      response: z.object({
        format: z.literal('linli-data-copy/1'),
        exportedAt: IsoTime(),
        sections: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
      }),
    }),
  }),
} as const;
