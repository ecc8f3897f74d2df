import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CONSENT_FOR_TAP } from '@linli/shared/contract/notify';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { TextField } from '../../../components/text-field';
import type { CouncilReader } from '../../../components/council-gate';
import { useSubmitTopic, type TopicInput } from '../../../hooks/use-agenda';
import { useMe } from '../../../hooks/use-me';
import { askConsent } from '../../../services/subscribe';
import { AgendaGate } from '../components/agenda-gate';
import '../components/agenda.css';

/** The categories of the contract, in its order (kept here so zod stays out of the bundle). */
const CATEGORIES = ['环境卫生', '设施维修', '停车交通', '安全隐患', '邻里纠纷', '物业服务', '其他'] as const;
const TITLE_MAX = 50;
const DESCRIPTION_MAX = 1000;

type Category = TopicInput['category'];
type Scope = TopicInput['scope'];

function SubmitForm({ viewer }: { viewer: CouncilReader }) {
  const me = useMe();
  const submit = useSubmitTopic(viewer.communityId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<Category>();
  const [scope, setScope] = useState<Scope>('building');
  const [tried, setTried] = useState(false);
  const acting = viewer.kind === 'member' ? viewer.acting : null;

  if (viewer.kind === 'staff') {
    return (
      <View className="linli-card">
        <Text className="agenda__title">代居民登记议题</Text>
        <Text className="agenda__text linli-muted">
          请先在社区工作台的“议题办理 → 代居民登记”里选择提出议题的居民，再回到这里填写。
        </Text>
      </View>
    );
  }

  const buildingName = acting ? 'TA所在楼栋' : (me.me?.member?.buildingName ?? '我的楼栋');
  const errors = {
    title: title.trim().length < 4 ? '标题至少 4 个字' : title.length > TITLE_MAX ? `标题最多 ${TITLE_MAX} 个字` : null,
    description:
      description.trim().length < 10
        ? '请把情况说得具体一些（至少 10 个字）'
        : description.length > DESCRIPTION_MAX
          ? `描述最多 ${DESCRIPTION_MAX} 个字`
          : null,
    category: category ? null : '请选择分类',
  };
  const shown = (field: keyof typeof errors) => (tried ? (errors[field] ?? submit.fieldErrors[field]) : null);

  const send = async () => {
    setTried(true);
    if (errors.title || errors.description || !category) return;
    // Inside the tap, before the request: WeChat shows the consent dialog only for a user gesture.
    // Staff recording for a resident would consent for themselves: no dialog then.
    if (acting?.via !== 'staff') await askConsent(CONSENT_FOR_TAP.topic);
    const topic = await submit.submit({ title: title.trim(), description: description.trim(), category, scope });
    if (!topic) return;
    void Taro.showToast({ title: '议题已提交，等待社区审核', icon: 'none', duration: 2000 });
    void Taro.redirectTo({ url: links.agendaTopic(topic.communityId, topic.topicId) });
  };

  return (
    <View className="linli-card">
      {acting ? <Text className="agenda__text">为{acting.realName}提出议题</Text> : null}
      <FormField label="标题" hint={`一句话说清楚是什么事，最多 ${TITLE_MAX} 个字`} error={shown('title')}>
        <TextField
          value={title}
          onInput={setTitle}
          label="议题标题"
          placeholder="例如：1号楼楼道灯不亮"
          maxlength={TITLE_MAX}
        />
      </FormField>
      <FormField label="具体情况" hint="在哪里、什么情况、持续多久、希望怎么解决" error={shown('description')}>
        <Textarea
          className="linli-textarea agenda__textarea"
          value={description}
          maxlength={DESCRIPTION_MAX}
          placeholder="请写清楚具体位置和情况"
          aria-label="具体情况"
          onInput={(event) => setDescription(event.detail.value)}
        />
        <Text className="agenda__count linli-muted">
          {description.length} / {DESCRIPTION_MAX}
        </Text>
      </FormField>
      <FormField label="分类" error={shown('category')}>
        <ChoiceChips
          label="分类"
          choices={CATEGORIES.map((c) => ({ value: c, label: c }))}
          value={category}
          onChange={setCategory}
        />
      </FormField>
      <FormField label="涉及范围" hint="本楼栋的事只给本楼栋的邻居附议和评价">
        <ChoiceChips
          label="涉及范围"
          choices={[
            { value: 'building' as const, label: '本楼栋', note: buildingName },
            { value: 'community' as const, label: '全社区' },
          ]}
          value={scope}
          onChange={setScope}
          wide
        />
      </FormField>
      <Button
        className="agenda__action"
        type="primary"
        size="large"
        block
        loading={submit.pending}
        onClick={() => void send()}
      >
        提交议题
      </Button>
    </View>
  );
}

/** 提议题: title, what is going on, category and scope; caregivers and staff can raise one for someone (代办). */
export default function SubmitTopicPage() {
  return (
    <PageShell className="agenda-submit">
      <AgendaGate>{(viewer) => <SubmitForm viewer={viewer} />}</AgendaGate>
    </PageShell>
  );
}
