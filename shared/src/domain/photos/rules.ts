/**
 * Photos people upload (a wish, a delivery, a dish): what may be uploaded, where it is stored,
 * how long an unattached upload is kept, and who sees a photo while WeChat checks it. Pure.
 */

/** What a photo is for; a ticket for one purpose cannot be attached as another. */
export const PHOTO_PURPOSES = ['wish', 'wishDelivery', 'dish'] as const;
export type PhotoPurpose = (typeof PHOTO_PURPOSES)[number];

/** The image types accepted, with the file extension each is stored under. */
export const PHOTO_CONTENT_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
export type PhotoContentType = keyof typeof PHOTO_CONTENT_TYPES;

/** 5 MB: a phone photo after WeChat's compression is well under 1 MB. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** How long an upload form stays valid. */
export const UPLOAD_FORM_SECONDS = 10 * 60;
/** How long a photo link handed to a viewer (or to WeChat's check) stays valid. */
export const VIEW_URL_SECONDS = 60 * 60;
/** An upload nobody attached is deleted after this (the ticket's TTL and the bucket's lifecycle). */
export const UNATTACHED_RETENTION_DAYS = 1;

/** Uploads land here and expire unless attached; attached photos are copied to STORED_PREFIX. */
export const UPLOAD_PREFIX = 'uploads/';
export const STORED_PREFIX = 'photos/';

/** Key of an upload before it is attached. */
export const uploadKey = (communityId: string, photoId: string, contentType: PhotoContentType) =>
  `${UPLOAD_PREFIX}${communityId}/${photoId}.${PHOTO_CONTENT_TYPES[contentType]}`;

/** Key of the same photo once attached (kept with what it is attached to). */
export const storedKey = (communityId: string, photoId: string, contentType: PhotoContentType) =>
  `${STORED_PREFIX}${communityId}/${photoId}.${PHOTO_CONTENT_TYPES[contentType]}`;

/** The roles that may upload for each purpose (the attach step checks the rest). */
export const PURPOSE_ROLES: Record<PhotoPurpose, readonly string[]> = {
  wish: ['resident', 'staff'],
  wishDelivery: ['resident', 'volunteer', 'partner'],
  dish: ['staff'],
};

/** WeChat's verdict on a photo as the media check records it. */
export type PhotoCheckStatus = 'pending' | 'pass' | 'risky' | 'review';
/** What a viewer is told: shown (pass), 图片审核中 (pending) or 图片未通过审核 (refused). */
export type PhotoCheck = 'pass' | 'pending' | 'refused';

/**
 * Whether and how a viewer sees a photo. Its owners (the wisher's side, staff, the person who
 * took it) see it while WeChat checks it, labelled, and are told when it was refused; everyone
 * else sees it only once it passed and the thing it belongs to is public, and never hears of a
 * refusal. `review` (WeChat could not decide, or the check could not be asked) is not a pass.
 */
export function photoShown(
  status: PhotoCheckStatus,
  viewer: { owner: boolean; isPublic: boolean },
): { check: PhotoCheck; withUrl: boolean } | undefined {
  if (viewer.owner) {
    if (status === 'pass') return { check: 'pass', withUrl: true };
    if (status === 'risky') return { check: 'refused', withUrl: false };
    return { check: 'pending', withUrl: true };
  }
  return status === 'pass' && viewer.isPublic ? { check: 'pass', withUrl: true } : undefined;
}
