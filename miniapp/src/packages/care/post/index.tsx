import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormError, problemOf } from '../../../components/form-error';
import { FormField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { SUB_PAGES } from '../../../constants';
import { usePostWish, type WishInput } from '../../../hooks/use-care';
import { useMe } from '../../../hooks/use-me';
import { usePhotoUpload } from '../../../hooks/use-photo-upload';
import { PhotoPicker } from '../../../components/photo-picker';
import { surnameOf } from './masking';
import { CareGate, type CareViewer } from '../components/care-gate';
import { HANDOVER_NOTES, WISH_CATEGORIES, WISH_HANDOVERS, WISH_TEXT_MAX } from '../../../components/wish-card/labels';
import '../components/care.css';

type Category = WishInput['category'];
type Handover = WishInput['handover'];

/** Where the form is sent from: staff need to pick whom they write for first. */
function StaffHint() {
  return (
    <View className="linli-card">
      <Text className="care__title">代居民许心愿</Text>
      <Text className="care__text linli-muted">
        请先在社区工作台“微心愿办理 → 代居民许心愿”里选择居民（多为不用微信的老人），再回到这里填写。
      </Text>
      <Button
        className="care__action"
        type="primary"
        size="large"
        block
        onClick={() => void Taro.redirectTo({ url: SUB_PAGES.staffCarePostFor })}
      >
        选择居民
      </Button>
    </View>
  );
}

function WishForm({ viewer }: { viewer: Extract<CareViewer, { kind: 'member' }> }) {
  const me = useMe();
  const post = usePostWish(viewer.communityId);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<Category>();
  const [handover, setHandover] = useState<Handover>();
  const [show, setShow] = useState<'building' | 'neighbour'>('building');
  const [tried, setTried] = useState(false);
  const photo = usePhotoUpload(viewer.communityId, 'wish');
  const acting = viewer.acting;

  const length = [...text.trim()].length;
  const errors = {
    text:
      length < 4 ? '请把心愿写清楚（至少 4 个字）' : length > WISH_TEXT_MAX ? `心愿最多 ${WISH_TEXT_MAX} 个字` : null,
    category: category ? null : '请选择心愿类别',
    handover: handover ? null : '请选择怎么送达',
  };
  const shown = (field: keyof typeof errors) => (tried ? (errors[field] ?? post.fieldErrors[field] ?? null) : null);
  // The wall shows the building and family name only: 「6号楼 刘**」.
  const name = acting ? acting.realName : (me.me?.member?.realName ?? '');
  const dependent = acting ? me.me?.dependents.find((l) => l.dependent.memberId === acting.memberId) : undefined;
  const building = acting
    ? (dependent?.dependent.buildingName ?? '所在楼栋')
    : (me.me?.member?.buildingName ?? '我的楼栋');

  const send = async () => {
    setTried(true);
    if (errors.text || !category || !handover || photo.uploading) return;
    const wish = await post.submit({
      text: text.trim(),
      category,
      handover,
      showBuilding: show === 'building',
      ...(photo.photoId ? { photoId: photo.photoId } : {}),
    });
    if (!wish) return;
    void Taro.showToast({ title: '心愿已提交，社区审核后上墙', icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: links.careWish(wish.communityId, wish.wishId) });
  };

  return (
    <View className="linli-card">
      {acting ? (
        <Text className="care__title">
          为{acting.realName}许个心愿{acting.via === 'staff' ? '（工作人员代为登记）' : ''}
        </Text>
      ) : null}
      <FormField label="心愿" hint="想要什么，或需要帮什么忙，写一句话" error={shown('text')}>
        <Textarea
          className="linli-textarea care__textarea"
          value={text}
          maxlength={WISH_TEXT_MAX}
          placeholder="例如：想要一台收音机；帮忙修一下门锁"
          aria-label="心愿"
          // On H5 Taro draws its own element around the real <textarea>: the name must reach it.
          nativeProps={{ 'aria-label': '心愿' }}
          onInput={(event) => setText(event.detail.value)}
        />
        <Text className={`care__count linli-muted${length > WISH_TEXT_MAX ? ' care__count--over' : ''}`}>
          已写 {length} 字，最多 {WISH_TEXT_MAX} 字
        </Text>
      </FormField>
      <FormField label="心愿类别" error={shown('category')}>
        <ChoiceChips
          label="心愿类别"
          choices={WISH_CATEGORIES.map((c) => ({ value: c, label: c }))}
          value={category}
          onChange={setCategory}
        />
      </FormField>
      <FormField label="怎么送达" error={shown('handover')}>
        <ChoiceChips
          label="怎么送达"
          choices={WISH_HANDOVERS.map((h) => ({ value: h, label: h, note: HANDOVER_NOTES[h] }))}
          value={handover}
          onChange={setHandover}
          wide
        />
      </FormField>
      <FormField label="心愿墙上怎么称呼" hint="不会显示门牌号和电话">
        <ChoiceChips
          label="心愿墙上怎么称呼"
          choices={[
            { value: 'building' as const, label: `${building} ${surnameOf(name)}`, note: '楼栋和姓氏' },
            { value: 'neighbour' as const, label: '一位邻居', note: '不显示楼栋和姓氏' },
          ]}
          value={show}
          onChange={setShow}
          wide
        />
      </FormField>
      <PhotoPicker
        label="添加照片（可不加）"
        hint="拍一张想要的东西或要修的地方，社区审核通过后才会给邻居看到"
        what="心愿照片"
        upload={photo}
      />
      {(() => {
        const problem = problemOf(undefined, post);
        return problem ? <FormError message={problem} onDismiss={post.dismiss} /> : null;
      })()}
      <Button
        className="care__action"
        type="primary"
        size="large"
        block
        loading={post.pending}
        disabled={photo.uploading}
        onClick={() => void send()}
      >
        {photo.uploading ? '照片上传中…' : '提交心愿'}
      </Button>
    </View>
  );
}

/** 许个心愿: what (≤100 字, counted as one types), category, how it is handed over, how the wall names the wisher. */
export default function PostWishPage() {
  return (
    <PageShell className="care-post">
      <CareGate>
        {(viewer) =>
          viewer.kind === 'member' ? (
            <WishForm viewer={viewer} />
          ) : viewer.kind === 'staff' ? (
            <StaffHint />
          ) : (
            <View className="linli-card">
              <Text className="care__text">共建单位认领心愿，不在这里许愿。</Text>
            </View>
          )
        }
      </CareGate>
    </PageShell>
  );
}
