import * as z from 'zod';

/** ULID-style sortable id (26 Crockford base32 chars) or a readable seeded slug. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符');

/** UTC ISO-8601 timestamp, e.g. 2026-11-21T08:00:00.000Z. */
export const IsoTime = z.iso.datetime();

/** Money in integer fen (1 元 = 100 分). */
export const Fen = z.number().int().nonnegative();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
