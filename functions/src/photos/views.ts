/** How photos reach viewers: short-lived links to stored photos, shown by WeChat's verdict and who is asking. */
import type { PhotoView } from '@linli/shared/contract/photos';
import { VIEW_URL_SECONDS, photoShown } from '@linli/shared/domain/photos/rules';
import { logger } from '../platform/logger';
import { mediaStatuses, requestMediaChecks } from '../moderation';
import { photoFiles } from './store';

/** A photo as stored with what it belongs to: a kept photo's key, or (older data, typed-in dish photos) a URL. */
export interface PhotoRef {
  key?: string;
  url?: string;
}

/** Who is looking: an owner (sees checks and refusals) or anyone else, and whether the thing is public yet. */
export interface PhotoViewer {
  owner: boolean;
  isPublic: boolean;
}

const subjectOf = (ref: PhotoRef) => ref.key ?? ref.url;

/** The view of each photo for its viewer (undefined: show nothing), minting links only for what is shown. */
export async function viewPhotos(
  wanted: { ref: PhotoRef | undefined; viewer: PhotoViewer }[],
): Promise<(PhotoView | undefined)[]> {
  const subjects = wanted.flatMap((w) => (w.ref && subjectOf(w.ref) ? [subjectOf(w.ref)!] : []));
  if (subjects.length === 0) return wanted.map(() => undefined);
  const known = await mediaStatuses(subjects);
  const store = photoFiles();
  return Promise.all(
    wanted.map(async ({ ref, viewer }) => {
      const subject = ref && subjectOf(ref);
      if (!ref || !subject) return undefined;
      const shown = photoShown(known.get(subject) ?? 'pending', viewer);
      if (!shown) return undefined;
      if (!shown.withUrl) return { check: shown.check };
      const url = ref.key ? await store.viewUrl(ref.key, VIEW_URL_SECONDS) : ref.url;
      return { url, check: shown.check };
    }),
  );
}

/**
 * Hands newly attached photos to WeChat's image check, with a link it can fetch. Runs after the
 * attach committed; a failure is logged and the photo stays unshown to others (never a pass).
 */
export async function checkPhotos(authorUserId: string, refs: (PhotoRef | undefined)[]): Promise<void> {
  try {
    const store = photoFiles();
    const media = await Promise.all(
      refs.flatMap((ref) =>
        ref?.key
          ? [store.viewUrl(ref.key, VIEW_URL_SECONDS).then((url) => ({ subject: ref.key!, url }))]
          : ref?.url
            ? [Promise.resolve({ subject: ref.url, url: ref.url })]
            : [],
      ),
    );
    await requestMediaChecks(authorUserId, media);
  } catch (error) {
    logger.error('photo check could not be requested', {
      error: error instanceof Error ? error.message : String(error),
    });
  }
}
