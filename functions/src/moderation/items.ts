/** Keys and type tags of WeChat's photo checks, declared once; no I/O. */
import { createHash } from 'node:crypto';

export const moderationTypes = ['MediaCheck', 'MediaTrace'] as const;
export type ModerationType = (typeof moderationTypes)[number];

/** A photo (or a bare URL typed in) is checked once per subject; its key carries the subject's hash. */
const subjectHash = (subject: string) => createHash('sha256').update(subject).digest('hex');

export const moderationKey = {
  /** AP39 a photo's check. */
  mediaCheck: (subject: string) => ({ pk: `MEDIA#${subjectHash(subject)}`, sk: 'CHECK' }),
  /** AP39b the photo behind WeChat's trace id (its asynchronous verdict names only the trace). */
  mediaTrace: (traceId: string) => ({ pk: `MEDIATRACE#${traceId}`, sk: 'MEDIA' }),
} as const;
