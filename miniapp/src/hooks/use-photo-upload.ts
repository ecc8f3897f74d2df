import { useRef, useState } from 'react';
import { ApiError } from '../services/api';
import { choosePhoto, PhotoProblem, uploadPhoto, type ChosenPhoto, type PhotoPurpose } from '../services/photo-upload';

export type PhotoUploadState =
  | { kind: 'empty' }
  | { kind: 'uploading'; preview: string; percent: number }
  | { kind: 'ready'; preview: string; photoId: string }
  | { kind: 'failed'; preview?: string; message: string };

/**
 * One optional photo for a form: choose (camera or album), upload at once, and hold its id for
 * the submit. `uploading` is true while a file is on its way (the form waits for it).
 */
export function usePhotoUpload(communityId: string, purpose: PhotoPurpose) {
  const [state, setState] = useState<PhotoUploadState>({ kind: 'empty' });
  // A photo chosen again while the first was uploading wins: the late answer is dropped.
  const attempt = useRef(0);

  const choose = async () => {
    let photo: ChosenPhoto | undefined;
    try {
      photo = await choosePhoto();
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof PhotoProblem ? error.message : '没能选择照片，请再试一次' });
      return;
    }
    if (!photo) return;
    const mine = ++attempt.current;
    setState({ kind: 'uploading', preview: photo.path, percent: 0 });
    try {
      const photoId = await uploadPhoto(communityId, purpose, photo, (percent) => {
        if (attempt.current === mine) setState({ kind: 'uploading', preview: photo.path, percent });
      });
      if (attempt.current === mine) setState({ kind: 'ready', preview: photo.path, photoId });
    } catch (error) {
      if (attempt.current !== mine) return;
      const message =
        error instanceof PhotoProblem || error instanceof ApiError ? error.message : '照片没有传上去，请重新选择';
      setState({ kind: 'failed', preview: photo.path, message });
    }
  };

  const remove = () => {
    attempt.current += 1;
    setState({ kind: 'empty' });
  };

  return {
    state,
    choose,
    remove,
    uploading: state.kind === 'uploading',
    photoId: state.kind === 'ready' ? state.photoId : undefined,
  };
}
