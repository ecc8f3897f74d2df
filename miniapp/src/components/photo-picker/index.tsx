import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { usePhotoUpload } from '../../hooks/use-photo-upload';
import './index.css';

interface PhotoPickerProps {
  /** The visible label, e.g. 添加照片（可不加）. */
  label: string;
  hint: string;
  /** What the photo shows, read out for the thumbnail. */
  what: string;
  upload: ReturnType<typeof usePhotoUpload>;
}

/** An optional photo: 拍照或从相册选 → thumbnail with progress, 重新选择 and 删除, errors in words. */
export function PhotoPicker({ label, hint, what, upload }: PhotoPickerProps) {
  const { state } = upload;
  const preview = state.kind === 'empty' ? undefined : state.kind === 'failed' ? state.preview : state.preview;
  return (
    <View className="photo-picker">
      <Text className="photo-picker__label">{label}</Text>
      {preview ? (
        <View className="photo-picker__preview">
          <Image
            className="photo-picker__thumb"
            src={preview}
            mode="aspectFill"
            aria-label={`${what}（预览）`}
            imgProps={{ alt: `${what}（预览）` }}
          />
          <View className="photo-picker__state" aria-live="polite">
            {state.kind === 'uploading' ? (
              <Text className="photo-picker__status">正在上传… {state.percent}%</Text>
            ) : state.kind === 'ready' ? (
              <Text className="photo-picker__status photo-picker__status--ok">已上传，提交后社区审核</Text>
            ) : null}
          </View>
        </View>
      ) : null}
      {state.kind === 'failed' ? (
        <Text className="photo-picker__error" aria-live="assertive">
          {state.message}
        </Text>
      ) : (
        <Text className="photo-picker__hint">{hint}</Text>
      )}
      <View className="photo-picker__buttons">
        <Button
          className="photo-picker__button"
          size="large"
          disabled={state.kind === 'uploading'}
          onClick={() => void upload.choose()}
        >
          {preview ? '重新选择' : '拍照或从相册选'}
        </Button>
        {preview ? (
          <Button className="photo-picker__button" size="large" onClick={upload.remove}>
            删除照片
          </Button>
        ) : null}
      </View>
    </View>
  );
}
