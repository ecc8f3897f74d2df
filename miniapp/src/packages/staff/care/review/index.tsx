import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FormError, problemOf } from '../../../../components/form-error';
import { FormField } from '../../../../components/form-field';
import { InputField } from '../../../../components/input-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { WishCard } from '../../../../components/wish-card';
import { WISH_TEXT_MAX } from '../../../../components/wish-card/labels';
import { SUB_PAGES } from '../../../../constants';
import {
  usePartnerUnits,
  useWishDetail,
  useWishReview,
  type PartnerUnit,
  type WishDetail,
} from '../../../../hooks/use-care';
import { RejectForm } from '../../components/reject-form';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';

const EVERYONE = 'all';
const DECLINE_TEMPLATES = [
  '心愿涉及金钱或贵重物品，不适合在心愿墙发布',
  '这件事社区可以直接帮您办理，工作人员会联系您',
  '内容不够清楚，请补充后重新许愿',
] as const;

function ReviewForm({
  communityId,
  detail,
  partners,
}: {
  communityId: string;
  detail: WishDetail;
  partners: PartnerUnit[];
}) {
  const { wish } = detail;
  const review = useWishReview(communityId, wish.wishId);
  const [text, setText] = useState(wish.text);
  const [offer, setOffer] = useState<string>(EVERYONE);
  const [note, setNote] = useState('');
  const [declining, setDeclining] = useState(false);
  const length = [...text.trim()].length;
  const own =
    length < 4
      ? '请把心愿写清楚（至少 4 个字）'
      : length > WISH_TEXT_MAX
        ? `心愿最多 ${WISH_TEXT_MAX} 个字`
        : undefined;

  const done = (toast: string) => {
    void Taro.showToast({ title: toast, icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: SUB_PAGES.staffCare });
  };
  const approve = async () => {
    if (own) return;
    const approved = await review.approve.submit({
      text: text.trim() === wish.text ? undefined : text.trim(),
      partnerId: offer === EVERYONE ? undefined : offer,
      note: note.trim() || undefined,
    });
    if (approved) done('已通过，心愿上墙');
  };
  const decline = async (reason: string) => {
    if (await review.decline.submit(reason)) done('已不予发布，已通知许愿人');
  };
  const failed = review.approve.error ? review.approve : review.decline.error ? review.decline : undefined;
  const problem = failed ? problemOf(undefined, failed) : undefined;

  return (
    <View className="linli-card">
      <Text className="staff__title">审核</Text>
      <FormField
        label="上墙的文字"
        hint="可以为保护隐私修改措辞，例如去掉门牌号、病名"
        error={own ?? review.approve.fieldErrors.text ?? null}
      >
        <Textarea
          className="linli-textarea"
          value={text}
          maxlength={WISH_TEXT_MAX}
          aria-label="上墙的文字"
          // On H5 Taro draws its own element around the real <textarea>: the name must reach it.
          nativeProps={{ 'aria-label': '上墙的文字' }}
          onInput={(event) => setText(event.detail.value)}
        />
        <Text className="staff__text linli-muted">
          已写 {length} 字，最多 {WISH_TEXT_MAX} 字
        </Text>
      </FormField>
      <FormField
        label="谁可以认领"
        hint={partners.length === 0 ? '还没有登记共建单位' : '定向后只有这个单位能看到并认领'}
      >
        <ChoiceChips
          label="谁可以认领"
          choices={[
            { value: EVERYONE, label: '所有人', note: '志愿者、邻居和共建单位' },
            ...partners.map((p) => ({ value: p.partnerId, label: p.name, note: `定向给${p.kind}` })),
          ]}
          value={offer}
          onChange={setOffer}
          wide
        />
      </FormField>
      <InputField
        label="审核备注"
        optional
        hint="许愿人会在进程里看到"
        value={note}
        maxlength={200}
        error={review.approve.fieldErrors.note}
        onInput={setNote}
      />
      {problem && failed ? <FormError message={problem} onDismiss={failed.dismiss} /> : null}
      {declining ? (
        <RejectForm
          templates={DECLINE_TEMPLATES}
          pending={review.decline.pending}
          onSubmit={(reason) => void decline(reason)}
          onCancel={() => setDeclining(false)}
          label="不予发布的原因（许愿人会看到）"
          confirmLabel="确认不予发布"
          placeholder="请写明原因"
          minLength={4}
        />
      ) : (
        <>
          <Button
            className="staff__action"
            type="primary"
            size="large"
            block
            loading={review.approve.pending}
            onClick={() => void approve()}
          >
            通过，上心愿墙
          </Button>
          <Button className="staff__action" size="large" block onClick={() => setDeclining(true)}>
            不予发布…
          </Button>
        </>
      )}
    </View>
  );
}

function Review({ communityId, wishId }: { communityId: string; wishId: string }) {
  const detail = useWishDetail(communityId, wishId, undefined);
  const partners = usePartnerUnits(communityId);
  if (!detail.data) {
    return <RequestStatus what="心愿" loading={detail.loading} error={detail.error} onRetry={detail.reload} />;
  }
  const { wish } = detail.data;
  return (
    <>
      <WishCard wish={wish}>
        {detail.data.handoverAddress ? <Text className="staff__text">住址：{detail.data.handoverAddress}</Text> : null}
      </WishCard>
      {wish.status !== 'pending_review' ? (
        <View className="linli-card">
          <Text className="staff__text">这个心愿已经审核过了。</Text>
        </View>
      ) : partners.data ? (
        <ReviewForm communityId={communityId} detail={detail.data} partners={partners.data.partners} />
      ) : (
        <RequestStatus what="共建单位" loading={partners.loading} error={partners.error} onRetry={partners.reload} />
      )}
    </>
  );
}

/** 审核心愿: reword for privacy, offer to everyone or one partner unit, or decline with a reason. */
export default function ReviewWishPage() {
  const { params } = useRouter();
  return (
    <PageShell className="staff-care-review">
      <StaffGate>{(communityId) => <Review communityId={communityId} wishId={params.wishId ?? ''} />}</StaffGate>
    </PageShell>
  );
}
