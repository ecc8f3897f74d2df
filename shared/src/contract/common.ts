import * as z from 'zod/mini';
import { lazy } from './route';

/** ULID-style sortable id (26 Crockford base32 chars) or a readable seeded slug. */
export const Id = lazy(() =>
  z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符')),
);

/** UTC ISO-8601 timestamp, e.g. 2026-11-21T08:00:00.000Z. */
export const IsoTime = lazy(() => z.iso.datetime());

/** Money in integer fen (1 元 = 100 分). */
export const Fen = lazy(() => z.int().check(z.nonnegative()));

export const ErrorBody = lazy(() =>
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.optional(z.unknown()),
    }),
  }),
);
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Path parameters of a route under one community: `/community/:communityId/…`. */
export const communityParams = lazy(() => z.strictObject({ communityId: Id() }));

/** Path parameters of one item of a community, e.g. `communityItemParams('topicId')` for `/community/:communityId/topics/:topicId`. */
export function communityItemParams<const K extends string>(key: K) {
  const item = { [key]: Id() } as Record<K, ReturnType<typeof Id>>;
  return z.strictObject({ communityId: Id(), ...item });
}

/**
 * One step of a tracked item's life (a topic, a wish, a need): who, when, from → to, and a note.
 * `status` is the item's status enum; `roles` the roles that may take a step on it.
 */
export function timelineEntry<S extends z.ZodMiniType, const R extends readonly [string, ...string[]]>(
  status: () => S,
  roles: R,
) {
  return z.object({
    seq: z.int().check(z.nonnegative()),
    at: IsoTime(),
    byName: z.string(),
    byRole: z.enum(roles),
    from: z.nullable(status()),
    to: status(),
    note: z.optional(z.string()),
  });
}

/** An optional note of at most `max` characters, trimmed, e.g. 「备注最多 500 个字」. */
export const noteUpTo = (max: number, label: string) =>
  z.string().check(z.trim(), z.maxLength(max, `${label}最多 ${max} 个字`));

/** An operator binds the merchant or partner unit they run with the invite code staff gave them. */
export const InviteCodeBody = lazy(() =>
  z.strictObject({
    inviteCode: z.string().check(z.trim(), z.minLength(6, '请输入邀请码'), z.maxLength(20)),
  }),
);
