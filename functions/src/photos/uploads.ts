/** Upload forms (the photos function only: it bundles the S3 client that signs them). */
import { ulid } from 'ulidx';
import type { PhotoUploadTicket } from '@linli/shared/contract/photos';
import type { Principal } from '@linli/shared/contract/principal';
import {
  PHOTO_MAX_BYTES,
  PURPOSE_ROLES,
  UNATTACHED_RETENTION_DAYS,
  UPLOAD_FORM_SECONDS,
  storedKey,
  uploadKey,
  type PhotoContentType,
  type PhotoPurpose,
} from '@linli/shared/domain/photos/rules';
import { DomainError } from '@linli/shared/domain-error';
import type { PhotoTicketRecord } from './items';
import { putTicket } from './repository';
import { uploadForms } from './upload-forms';

/** Issues the upload form for one photo and records who may attach it. */
export async function createUpload(
  principal: Principal,
  communityId: string,
  input: { purpose: PhotoPurpose; contentType: PhotoContentType },
): Promise<PhotoUploadTicket> {
  const roles = PURPOSE_ROLES[input.purpose];
  const mayUpload = principal.grants.some(
    (g) => g.role === 'admin' || (g.communityId === communityId && roles.includes(g.role)),
  );
  if (!mayUpload) throw new DomainError('PHOTO_PURPOSE_FORBIDDEN');
  const photoId = ulid();
  const now = Date.now();
  const ticket: PhotoTicketRecord = {
    photoId,
    communityId,
    uploaderUserId: principal.userId,
    purpose: input.purpose,
    contentType: input.contentType,
    uploadKey: uploadKey(communityId, photoId, input.contentType),
    storedKey: storedKey(communityId, photoId, input.contentType),
    createdAt: new Date(now).toISOString(),
    expiresAt: Math.floor(now / 1000) + UNATTACHED_RETENTION_DAYS * 86_400,
  };
  await putTicket(ticket);
  const upload = await uploadForms().presignUpload({
    key: ticket.uploadKey,
    contentType: input.contentType,
    maxBytes: PHOTO_MAX_BYTES,
    expiresSeconds: UPLOAD_FORM_SECONDS,
  });
  return {
    photoId,
    upload,
    maxBytes: PHOTO_MAX_BYTES,
    expiresAt: new Date(now + UPLOAD_FORM_SECONDS * 1000).toISOString(),
  };
}
