import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FormError, problemOf } from '../../../../components/form-error';
import { FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { SUB_PAGES } from '../../../../constants';
import { usePostNeed, type NeedInput } from '../../../../hooks/use-needs';
import { CareGate, type CareViewer } from '../../components/care-gate';
import { NEED_CATEGORIES } from '../components/labels';
import '../components/needs.css';

const TEXT_MAX = 200;

function NeedForm({ viewer }: { viewer: Extract<CareViewer, { kind: 'member' }> }) {
  const post = usePostNeed(viewer.communityId);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<NeedInput['category']>();
  const [urgency, setUrgency] = useState<NeedInput['urgency']>('normal');
  const [tried, setTried] = useState(false);
  const acting = viewer.acting;
  const length = [...text.trim()].length;
  const errors = {
    text: length < 4 ? '请把需要的帮助写清楚（至少 4 个字）' : length > TEXT_MAX ? `最多 ${TEXT_MAX} 个字` : null,
    category: category ? null : '请选择求助类别',
  };
  const shown = (field: keyof typeof errors) => (tried ? (errors[field] ?? post.fieldErrors[field] ?? null) : null);

  const send = async () => {
    setTried(true);
    if (errors.text || !category) return;
    const need = await post.submit({ text: text.trim(), category, urgency });
    if (!need) return;
    void Taro.showToast({ title: '求助已提交，社区会尽快安排', icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: links.careNeed(need.communityId, need.needId) });
  };

  return (
    <View className="linli-card">
      {acting ? (
        <Text className="care__title">
          为{acting.realName}求助{acting.via === 'staff' ? '（电话求助，工作人员登记）' : '（家属代办）'}
        </Text>
      ) : null}
      <FormField label="需要什么帮助" hint="写清楚什么事、在哪里" error={shown('text')}>
        <Textarea
          className="needs__textarea"
          placeholderClass="needs__placeholder"
          value={text}
          maxlength={TEXT_MAX}
          placeholder="例如：楼道灯坏了；需要有人帮忙助浴"
          aria-label="需要什么帮助"
          nativeProps={{ 'aria-label': '需要什么帮助' }}
          onInput={(event) => setText(event.detail.value)}
        />
        <Text className="linli-muted">
          已写 {length} 字，最多 {TEXT_MAX} 字
        </Text>
      </FormField>
      <FormField label="求助类别" error={shown('category')}>
        <ChoiceChips
          label="求助类别"
          choices={NEED_CATEGORIES.map((c) => ({ value: c, label: c }))}
          value={category}
          onChange={setCategory}
        />
      </FormField>
      <FormField label="是否紧急" hint="紧急的求助社区 4 小时内安排，一般的 3 天内">
        <ChoiceChips
          label="是否紧急"
          choices={[
            { value: 'normal' as const, label: '一般' },
            { value: 'urgent' as const, label: '紧急' },
          ]}
          value={urgency}
          onChange={setUrgency}
        />
      </FormField>
      {(() => {
        const problem = problemOf(undefined, post);
        return problem ? <FormError message={problem} onDismiss={post.dismiss} /> : null;
      })()}
      <Button
        className="needs__action"
        type="primary"
        size="large"
        block
        loading={post.pending}
        onClick={() => void send()}
      >
        提交求助
      </Button>
    </View>
  );
}

/** 我要求助: what is needed, category, urgency; for oneself, a dependent (代办), or — staff — a phone call. */
export default function PostNeedPage() {
  return (
    <PageShell className="needs-post">
      <CareGate>
        {(viewer) =>
          viewer.kind === 'member' ? (
            <NeedForm viewer={viewer} />
          ) : (
            <View className="linli-card">
              <Text className="care__text">
                {viewer.kind === 'staff'
                  ? '登记电话求助：请先在“我的 → 代办”选择来电的居民，再回到这里填写。'
                  : '共建单位在“我的任务”里办理派来的求助。'}
              </Text>
              <Button
                className="needs__action"
                size="large"
                block
                onClick={() => void Taro.navigateTo({ url: SUB_PAGES.careNeedTasks })}
              >
                查看我的任务
              </Button>
            </View>
          )
        }
      </CareGate>
    </PageShell>
  );
}
