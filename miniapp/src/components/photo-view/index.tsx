import { Image, Text, View } from '@tarojs/components';
import type { PhotoView as Photo } from '@linli/shared/contract';
import './index.css';

/**
 * A photo as the viewer may see it: shown when passed; with 「图片审核中」 while WeChat checks it
 * (only its owners get it then); 「图片未通过审核」 without the picture when refused.
 */
export function PhotoView({ photo, what }: { photo: Photo | undefined; what: string }) {
  if (!photo) return null;
  return (
    <View className="photo-view">
      {photo.url ? (
        <Image
          className="photo-view__image"
          src={photo.url}
          mode="widthFix"
          aria-label={what}
          imgProps={{ alt: what }}
        />
      ) : null}
      {photo.check === 'pending' ? (
        <Text className="photo-view__label">{what}：图片审核中，通过后邻居才能看到</Text>
      ) : photo.check === 'refused' ? (
        <Text className="photo-view__label photo-view__label--refused">{what}：图片未通过审核，不会给别人看到</Text>
      ) : null}
    </View>
  );
}
