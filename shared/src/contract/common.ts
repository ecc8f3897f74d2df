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
