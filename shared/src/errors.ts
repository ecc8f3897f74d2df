import { PIPELINE_ERRORS, registerErrorTables } from './domain-error';
import { IDENTITY_ERRORS } from './domain/identity/errors';
import { COUNCIL_ERRORS } from './domain/council/errors';
import { AGENDA_ERRORS } from './domain/agenda/errors';
import { CANTEEN_ERRORS } from './domain/canteen/errors';
import { POINTS_ERRORS } from './domain/points/errors';
import { ONBOARDING_ERRORS } from './domain/onboarding/errors';
import { MODERATION_ERRORS } from './domain/moderation/errors';
import { CARE_ERRORS } from './domain/care/errors';
import { STRUCTURE_ERRORS } from './domain/structure/errors';
import { VISIT_ERRORS } from './domain/care/visit-errors';
import { ROSTER_ERRORS } from './domain/roster/errors';
import { NEED_ERRORS } from './domain/care/need-errors';
import { PHOTO_ERRORS } from './domain/photos/errors';

/**
 * Stable error codes → HTTP status and the Chinese message a person sees: the pipeline's codes
 * and every feature's table, merged. The mini-program (to toast), the tests and the local server
 * read this table; a Lambda function imports shared/src/domain-error.ts and only its own tables.
 */
export const ERRORS = {
  ...PIPELINE_ERRORS,
  ...IDENTITY_ERRORS,
  ...COUNCIL_ERRORS,
  ...AGENDA_ERRORS,
  ...CANTEEN_ERRORS,
  ...POINTS_ERRORS,
  ...ONBOARDING_ERRORS,
  ...MODERATION_ERRORS,
  ...CARE_ERRORS,
  ...STRUCTURE_ERRORS,
  ...VISIT_ERRORS,
  ...ROSTER_ERRORS,
  ...NEED_ERRORS,
  ...PHOTO_ERRORS,
} as const satisfies Record<string, { status: number; message: string }>;

// Whatever imports the merged table knows every code (the local server, the tests).
registerErrorTables([ERRORS]);

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERRORS, code);
}

export { DomainError, MAX_BODY_BYTES, type ErrorEntry, type ErrorTable } from './domain-error';
