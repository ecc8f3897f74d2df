/** Keys and type tags of the platform's own items: outbox events, idempotency records, code attempts. */

export const platformKey = {
  outbox: (eventId: string) => ({ pk: `OUTBOX#${eventId}`, sk: 'EVENT' }),
  /** Partition-key prefix of every outbox event: how a stream consumer tells them from other items. */
  outboxPrefix: 'OUTBOX#',
  idempotency: (userId: string, routeId: string, idempotencyKey: string) => ({
    pk: `IDEMPOTENCY#${userId}#${routeId}#${idempotencyKey}`,
    sk: 'IDEMPOTENCY',
  }),
  idempotencyPrefix: 'IDEMPOTENCY#',
  /** Wrong typed codes of a user in one minute (AP74). */
  codeAttempts: (scope: string, userId: string, minute: number) => ({
    pk: `ATTEMPTS#${scope}#${userId}`,
    sk: `MINUTE#${minute}`,
  }),
} as const;

export const platformTypes = ['Outbox', 'Idempotency', 'CodeAttempts'] as const;
export type PlatformType = (typeof platformTypes)[number];
