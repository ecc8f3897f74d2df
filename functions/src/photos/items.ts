/**
 * The photo upload ticket, declared once; no I/O.
 * Access patterns (also in table.ts and docs/data-model.md):
 *  AP130 a photo's upload ticket (who uploaded it, for what, where it is attached)  GetItem pk=PHOTO#<id> sk=TICKET
 */
import type { PhotoContentType, PhotoPurpose } from '@linli/shared/domain/photos/rules';

/** pk=PHOTO#<id>, sk=TICKET. Expires (TTL) unless attached; attaching removes the TTL. */
export interface PhotoTicketRecord {
  photoId: string;
  communityId: string;
  /** Only this user may attach the photo. */
  uploaderUserId: string;
  purpose: PhotoPurpose;
  contentType: PhotoContentType;
  /** Where the form lets the file be uploaded (expires in the bucket unless attached). */
  uploadKey: string;
  /** Where the photo is kept once attached. */
  storedKey: string;
  createdAt: string;
  /** Epoch seconds (the table's TTL attribute): the ticket is gone after this unless attached. */
  expiresAt?: number;
  /** What it is attached to, e.g. `wish#<id>`; set once. */
  attachedTo?: string;
  attachedAt?: string;
}

export const photoKey = {
  ticket: (photoId: string) => ({ pk: `PHOTO#${photoId}`, sk: 'TICKET' }),
} as const;

export const ticketItem = (t: PhotoTicketRecord) => ({ ...photoKey.ticket(t.photoId), type: 'PhotoTicket', ...t });
