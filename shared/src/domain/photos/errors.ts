/** Error codes of photo uploads (照片上传与使用), merged into shared/errors.ts. */
export const PHOTO_ERRORS = {
  PHOTO_PURPOSE_FORBIDDEN: { status: 403, message: '您不能为此上传照片' },
  PHOTO_NOT_FOUND: { status: 404, message: '找不到这张照片，可能已过期，请重新上传' },
  PHOTO_NOT_YOURS: { status: 403, message: '只能使用您自己在本社区上传的照片' },
  PHOTO_WRONG_PURPOSE: { status: 422, message: '这张照片不是为这里上传的，请重新选择照片' },
  PHOTO_NOT_UPLOADED: { status: 422, message: '照片还没有上传成功，请重新上传' },
  PHOTO_ALREADY_USED: { status: 409, message: '这张照片已经用过了，请重新选择照片' },
} as const;
