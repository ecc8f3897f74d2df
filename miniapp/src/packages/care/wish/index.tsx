import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormError, problemOf } from '../../../components/form-error';
import { FormField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { ShareButton } from '../../../components/share-button';
import { SUB_PAGES } from '../../../constants';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import { useShareCard } from '../../../hooks/use-share-card';
import { usePhotoUpload } from '../../../hooks/use-photo-upload';
import { PhotoPicker } from '../../../components/photo-picker';
import { PhotoView } from '../../../components/photo-view';
import { useWishDetail, useWishSteps, type WishDetail } from '../../../hooks/use-care';
import type { Mutation } from '../../../hooks/use-mutation';
import { wishShareCard } from '../../../services/share';
import { CareGate, actingIdOf, type CareViewer } from '../components/care-gate';
import { WishCard } from '../../../components/wish-card';
import { WishTimeline } from '../../../components/wish-card/timeline';
import '../components/care.css';

const NOTE_MAX = 200;

/** Asks first, then runs the step; true when it went through. */
async function confirmThen(title: string, content: string, confirmText: string, run: () => Promise<unknown>) {
  const { confirm } = await Taro.showModal({ title, content, confirmText });
  if (!confirm) return false;
  return Boolean(await run());
}

/** 标记已送达: a note (what was handed over, where), required by the server, and a photo if they like. */
function DeliverForm({
  communityId,
  step,
  onDone,
}: {
  communityId: string;
  step: Mutation<{ note: string; photoId?: string }, unknown>;
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const photo = usePhotoUpload(communityId, 'wishDelivery');
  const [tried, setTried] = useState(false);
  const length = [...note.trim()].length;
  const own = length < 2 ? '请写一句送达说明' : length > NOTE_MAX ? `说明最多 ${NOTE_MAX} 个字` : null;
  const send = async () => {
    setTried(true);
    if (own || photo.uploading) return;
    const done = await confirmThen('标记已送达', '标记后会通知许愿人确认圆梦，确定吗？', '已送达', () =>
      step.submit({ note: note.trim(), ...(photo.photoId ? { photoId: photo.photoId } : {}) }),
    );
    if (done) onDone();
  };
  return (
    <View className="linli-card">
      <Text className="care__title">送达心愿</Text>
      <FormField
        label="送达说明"
        hint="送了什么、交给了谁，例如：收音机已送到家，教会了老人换台"
        error={tried ? (own ?? step.fieldErrors.note ?? null) : null}
      >
        <Textarea
          className="linli-textarea care__textarea"
          value={note}
          maxlength={NOTE_MAX}
          placeholder="写一句送达说明"
          aria-label="送达说明"
          // On H5 Taro draws its own element around the real <textarea>: the name must reach it.
          nativeProps={{ 'aria-label': '送达说明' }}
          onInput={(event) => setNote(event.detail.value)}
        />
        <Text className="care__count linli-muted">
          已写 {length} 字，最多 {NOTE_MAX} 字
        </Text>
      </FormField>
      <PhotoPicker
        label="添加照片（可不加）"
        hint="拍一张送到的东西，许愿人和社区能看到"
        what="送达照片"
        upload={photo}
      />
      <Button
        className="care__action"
        type="primary"
        size="large"
        block
        loading={step.pending}
        disabled={photo.uploading}
        onClick={() => void send()}
      >
        {photo.uploading ? '照片上传中…' : '标记已送达'}
      </Button>
    </View>
  );
}

function Actions({
  communityId,
  detail,
  onChanged,
}: {
  communityId: string;
  detail: WishDetail;
  onChanged: () => void;
}) {
  const { wish, mine } = detail;
  const steps = useWishSteps(communityId, wish.wishId);
  const failed = [steps.claim, steps.release, steps.deliver, steps.confirm, steps.withdraw].find((s) => s.error);
  const problem = failed ? problemOf(undefined, failed) : undefined;
  const after = (toast: string) => (done: boolean) => {
    if (!done) return;
    void Taro.showToast({ title: toast, icon: 'none', duration: 2000 });
    onChanged();
  };
  const button = (label: string, primary: boolean, pending: boolean, onClick: () => void) => (
    <Button
      className="care__action"
      type={primary ? 'primary' : 'default'}
      size="large"
      block
      loading={pending}
      onClick={onClick}
    >
      {label}
    </Button>
  );

  return (
    <>
      {problem && failed ? <FormError message={problem} onDismiss={failed.dismiss} /> : null}
      {mine.canClaim
        ? button(
            '认领这个心愿',
            true,
            steps.claim.pending,
            () =>
              void confirmThen('认领心愿', `认领后请按约定（${wish.handover}）帮TA圆梦。确定认领吗？`, '认领', () =>
                steps.claim.submit(),
              ).then(after('认领成功，谢谢您的爱心')),
          )
        : null}
      {mine.canConfirm
        ? button(
            '确认已收到，心愿圆梦',
            true,
            steps.confirm.pending,
            () =>
              void confirmThen('确认圆梦', '确认已经收到了吗？确认后心愿圆梦，会通知认领人。', '确认圆梦', () =>
                steps.confirm.submit(),
              ).then(after('心愿已圆梦')),
          )
        : null}
      {mine.canDeliver ? (
        <DeliverForm communityId={communityId} step={steps.deliver} onDone={() => after('已标记送达')(true)} />
      ) : null}
      {mine.canRelease
        ? button(
            '给回心愿墙（放弃认领）',
            false,
            steps.release.pending,
            () =>
              void confirmThen('放弃认领', '心愿会回到心愿墙，由别人认领。确定放弃吗？', '放弃认领', () =>
                steps.release.submit(undefined),
              ).then(after('已放弃认领，心愿回到心愿墙')),
          )
        : null}
      {mine.canWithdraw
        ? button(
            '撤回心愿',
            false,
            steps.withdraw.pending,
            () =>
              void confirmThen('撤回心愿', '撤回后心愿不再上墙，确定撤回吗？', '撤回', () =>
                steps.withdraw.submit(),
              ).then(after('心愿已撤回')),
          )
        : null}
    </>
  );
}

function Wish({ viewer, communityId, wishId }: { viewer: CareViewer; communityId: string; wishId: string }) {
  const detail = useWishDetail(communityId, wishId, actingIdOf(viewer));
  const data = detail.data;
  const card = data ? wishShareCard(communityId, data.wish) : undefined;
  useShareCard(card);
  if (!data) return <RequestStatus what="心愿" loading={detail.loading} error={detail.error} onRetry={detail.reload} />;
  const { wish } = data;
  return (
    <>
      <WishCard wish={wish}>
        <PhotoView photo={wish.photo} what="心愿照片" />
        {data.handoverAddress ? <Text className="care__text">送达地址：{data.handoverAddress}</Text> : null}
        {wish.deliveryNote ? <Text className="care__text">送达说明：{wish.deliveryNote}</Text> : null}
        <PhotoView photo={wish.deliveryPhoto} what="送达照片" />
        {viewer.kind === 'staff' && wish.status === 'pending_review' ? (
          <Button
            className="care__action"
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: `${SUB_PAGES.staffCareReview}?wishId=${wish.wishId}` })}
          >
            去审核
          </Button>
        ) : null}
        <Actions communityId={communityId} detail={data} onChanged={detail.reload} />
      </WishCard>
      {card ? <ShareButton card={card} label="分享到邻里群" /> : null}
      <WishTimeline entries={data.timeline} />
    </>
  );
}

/** 心愿详情: the wish as the viewer may see it, its timeline, and the steps they may take (认领, 送达, 圆梦, 撤回). */
export default function WishPage() {
  const { params } = useRouter();
  const current = useCurrentCommunity().communityId;
  const communityId = params.communityId || current || '';
  return (
    <PageShell className="care-wish">
      <CareGate>{(viewer) => <Wish viewer={viewer} communityId={communityId} wishId={params.wishId ?? ''} />}</CareGate>
    </PageShell>
  );
}
