/**
 * Upload tickets: a one-time form for one photo, and the check that lets only its uploader
 * attach it, once, to what it was uploaded for, after the file really arrived.
 */
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
import { DomainError } from '@linli/shared/errors';
import type { NamedWrite } from '../platform/transactions';
import type { PhotoTicketRecord } from './items';
import { attachWrite, getTicket, putTicket } from './repository';
import { photoStore } from './store';

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
  const upload = await (
    await photoStore()
  ).presignUpload({
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

/** A photo ready to attach: its kept key, and the write that marks it attached (in the caller's transaction). */
export interface PreparedPhoto {
  key: string;
  write: NamedWrite;
}

export interface AttachRequest {
  photoId: string;
  /** The caller: only the uploader may attach (a caregiver's own upload, staff's own upload). */
  userId: string;
  communityId: string;
  purpose: PhotoPurpose;
  /** What it is attached to, e.g. `wish#<id>`: the same target again is a retry. */
  target: string;
}

/**
 * Checks the ticket (the caller's, this community's, this purpose, not used elsewhere) and that
 * the file arrived, and keeps it (copied out of the expiring uploads). The returned write
 * must commit with the thing it is attached to; a race for the same photo loses there.
 */
export async function preparePhoto(req: AttachRequest): Promise<PreparedPhoto> {
  const t = await getTicket(req.photoId);
  const lapsed = t && !t.attachedTo && t.expiresAt !== undefined && t.expiresAt * 1000 < Date.now();
  if (!t || lapsed) throw new DomainError('PHOTO_NOT_FOUND');
  if (t.uploaderUserId !== req.userId || t.communityId !== req.communityId) throw new DomainError('PHOTO_NOT_YOURS');
  if (t.purpose !== req.purpose) throw new DomainError('PHOTO_WRONG_PURPOSE');
  if (t.attachedTo && t.attachedTo !== req.target) throw new DomainError('PHOTO_ALREADY_USED');
  if (!t.attachedTo) {
    const store = await photoStore();
    if (!(await store.head(t.uploadKey))) throw new DomainError('PHOTO_NOT_UPLOADED');
    await store.copy(t.uploadKey, t.storedKey);
  }
  return { key: t.storedKey, write: attachWrite(t, req.target, new Date().toISOString()) };
}
