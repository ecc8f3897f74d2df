/**
 * Taking or picking one photo and uploading it straight to storage with a one-time form from the
 * API (createPhotoUpload); the page then names the photo by its id. WeChat: chooseMedia
 * (compressed, camera or album) and uploadFile; H5: chooseImage and the same uploadFile form.
 */
import Taro from '@tarojs/taro';
import type { Body, Routes } from '@linli/shared/contract';
import { api } from './api';
import { ConsentDeclined, pickPhoto } from './privacy-apis';

export type PhotoPurpose = Body<Routes['createPhotoUpload']>['purpose'];
type ContentType = Body<Routes['createPhotoUpload']>['contentType'];

export interface ChosenPhoto {
  /** A temporary file (WeChat) or blob URL (H5) that uploadFile reads and Image shows. */
  path: string;
  size: number;
  contentType: ContentType;
}

/** Why an upload did not happen, in words for the person. */
export class PhotoProblem extends Error {}

const typeOf = (path: string, declared?: string): ContentType | undefined => {
  if (declared === 'image/jpeg' || declared === 'image/png') return declared;
  if (/\.png$/i.test(path)) return 'image/png';
  if (/\.jpe?g$/i.test(path)) return 'image/jpeg';
  return undefined;
};

const cancelled = (error: unknown) => /cancel/i.test((error as { errMsg?: string })?.errMsg ?? String(error));

/** Opens the camera or album for one photo (after consent); undefined when the person cancels. */
export async function choosePhoto(): Promise<ChosenPhoto | undefined> {
  try {
    const file = await pickPhoto();
    if (!file) return undefined;
    if (process.env.TARO_ENV === 'weapp') {
      // WeChat's compressed photos are JPEG unless the original was a PNG.
      return { path: file.path, size: file.size, contentType: typeOf(file.path) ?? 'image/jpeg' };
    }
    const contentType = typeOf(file.name ?? file.path, file.type);
    if (!contentType) throw new PhotoProblem('只能上传 JPG 或 PNG 格式的照片');
    return { path: file.path, size: file.size, contentType };
  } catch (error) {
    if (error instanceof PhotoProblem) throw error;
    if (error instanceof ConsentDeclined) throw new PhotoProblem(error.message);
    if (cancelled(error)) return undefined;
    throw new PhotoProblem('没能打开相册或相机，请再试一次');
  }
}

/** Uploads a chosen photo for `purpose`; resolves with its id, reporting progress in percent. */
export async function uploadPhoto(
  communityId: string,
  purpose: PhotoPurpose,
  photo: ChosenPhoto,
  onProgress: (percent: number) => void,
): Promise<string> {
  const ticket = await api.call('createPhotoUpload', {
    params: { communityId },
    body: { purpose, contentType: photo.contentType },
    toast: false,
  });
  if (photo.size > ticket.maxBytes) {
    throw new PhotoProblem(`照片太大了（最多 ${Math.round(ticket.maxBytes / 1024 / 1024)} MB），请换一张`);
  }
  const answer = await new Promise<Taro.uploadFile.SuccessCallbackResult>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: ticket.upload.url,
      filePath: photo.path,
      name: 'file',
      formData: ticket.upload.fields,
      // The storage answers any origin; cookies are never needed (and '*' refuses credentials).
      withCredentials: false,
      success: resolve,
      fail: () => reject(new PhotoProblem('照片没有传上去，请检查网络后重新选择')),
    } as Taro.uploadFile.Option);
    task?.onProgressUpdate?.((p) => onProgress(p.progress));
  });
  if (answer.statusCode < 200 || answer.statusCode >= 300) {
    throw new PhotoProblem('照片没有传上去，请重新选择');
  }
  return ticket.photoId;
}
