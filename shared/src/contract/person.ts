/**
 * The person fields and the session other features' contracts share with identity's. A file of
 * its own: a route file's schemas are built together (zod calls do not tree-shake), so a
 * contract importing Phone from identity.ts carried all of identity's routes into its bundle.
 */
import * as z from 'zod/mini';
import { Id } from './common';
import { lazy, type Infer } from './route';

/** A calendar date, YYYY-MM-DD (birth dates are dates, not instants). */
export const CalendarDate = lazy(() => z.iso.date());

/** Mainland mobile number, 11 digits starting with 1. */
export const Phone = lazy(() => z.string().check(z.regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')));

/** A person's real name as on their ID card: 2–20 characters. */
export const RealName = lazy(() =>
  z.string().check(z.trim(), z.minLength(2, '请输入真实姓名'), z.maxLength(20, '姓名最多 20 个字')),
);

export const Room = lazy(() => z.string().check(z.trim(), z.regex(/^[0-9A-Za-z-]{1,8}$/, '请输入门牌号，如 302')));

export const Relation = lazy(() => z.enum(['父母', '祖父母', '配偶', '子女', '兄弟姐妹', '其他亲属']));

export const Session = lazy(() =>
  z.object({
    accessToken: z.string(),
    refreshToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.int().check(z.positive()),
    userId: Id(),
  }),
);
export type Session = Infer<typeof Session>;
