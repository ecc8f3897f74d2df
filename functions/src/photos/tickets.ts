/**
 * Attaching an uploaded photo: the check that lets only its uploader
 * attach it, once, to what it was uploaded for, after the file really arrived.
 */
import type { PhotoPurpose } from '@linli/shared/domain/photos/rules';
import { DomainError } from '@linli/shared/domain-error';
import type { NamedWrite } from '../platform/transactions';
import { attachWrite, getTicket } from './repository';
import { photoFiles } from './store';

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
    const store = photoFiles();
    if (!(await store.head(t.uploadKey))) throw new DomainError('PHOTO_NOT_UPLOADED');
    await store.copy(t.uploadKey, t.storedKey);
  }
  return { key: t.storedKey, write: attachWrite(t, req.target, new Date().toISOString()) };
}
