/**
 * Photo uploads: the mini-program asks for a one-time upload form, posts the picture straight to
 * storage (a private bucket), then names the photo by its id where it is used (a wish, a
 * delivery). Photos are read through short-lived links the views hand out.
 */
import * as z from 'zod/mini';
import { PHOTO_CONTENT_TYPES, PHOTO_PURPOSES } from '../domain/photos/rules';
import { Id, IsoTime, communityParams } from './common';
import { defineRoute, lazy, type Infer } from './route';

const contentTypes = Object.keys(PHOTO_CONTENT_TYPES) as (keyof typeof PHOTO_CONTENT_TYPES)[];

/** The id of an uploaded photo, given where it is attached. */
export const PhotoId = lazy(() => Id());

/** A photo as its viewer may see it: the link (short-lived) and whether WeChat's check passed. */
export const PhotoView = lazy(() =>
  z.object({
    /** Absent when the photo was refused: the owner is told, nobody else sees anything. */
    url: z.optional(z.string()),
    /** pass: shown; pending: 图片审核中 (only its owners see it); refused: 图片未通过审核. */
    check: z.enum(['pass', 'pending', 'refused']),
  }),
);
export type PhotoView = Infer<typeof PhotoView>;

export const PhotoUploadTicket = lazy(() =>
  z.object({
    photoId: PhotoId(),
    /** A browser-style multipart POST: send `fields` first, then the file as `file`. */
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
    maxBytes: z.int(),
    /** The form is refused after this. */
    expiresAt: IsoTime(),
  }),
);
export type PhotoUploadTicket = Infer<typeof PhotoUploadTicket>;

export const photoRoutes = {
  createPhotoUpload: defineRoute({
    id: 'createPhotoUpload',
    method: 'POST',
    path: '/community/:communityId/photo-uploads',
    summary: '申请上传一张照片（心愿、送达或菜品照片）：返回一次性的上传表单，10 分钟内有效',
    domain: 'photos',
    roles: ['resident', 'volunteer', 'partner', 'staff'],
    scope: 'community',
    idempotent: false,
    successStatus: 201,
    schemas: () => ({
      params: communityParams(),
      body: z.strictObject({
        purpose: z.enum(PHOTO_PURPOSES, '请说明照片的用途'),
        contentType: z.enum(contentTypes, '只能上传 JPG 或 PNG 图片'),
      }),
      response: PhotoUploadTicket(),
    }),
  }),
} as const;
