import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { AGENDA_CATEGORIES, TITLE_MAX, type AgendaCategory } from '@linli/shared/domain/agenda/state';
import { ChoiceChips } from '../../../../components/choice-chips';
import { FormError, problemOf } from '../../../../components/form-error';
import { FormField } from '../../../../components/form-field';
import { InputField } from '../../../../components/input-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { SUB_PAGES } from '../../../../constants';
import { useActingFor } from '../../../../hooks/use-acting-for';
import { useNeedDetail, useNeedSteps, type NeedDetail } from '../../../../hooks/use-needs';
import { NeedCard } from '../components/need-card';
import { NEED_STATE_LABELS, shanghaiTime } from '../components/labels';
import '../components/needs.css';

const ROLE_TEXT = {
  resident: '居民',
  caregiver: '家属',
  staff: '工作人员',
  grid: '网格员',
  volunteer: '志愿者',
  partner: '共建单位',
} as const;

/** 1–5 stars as five 48px buttons, each named for a screen reader. */
function StarPicker({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <View className="needs__stars" role="radiogroup" aria-label="评价星级">
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`needs__star${n <= value ? ' needs__star--on' : ''}`}
          role="radio"
          aria-checked={n === value}
          aria-label={`${n} 星`}
          onClick={() => onChange(n)}
        >
          {n <= value ? '★' : '☆'}
        </View>
      ))}
    </View>
  );
}

/** A labelled note box with one action button: decline reason, what was done, or the rating comment. */
function NoteAction(props: {
  label: string;
  hint?: string;
  button: string;
  required: boolean;
  pending: boolean;
  onSend: (text: string) => void;
  children?: React.ReactNode;
}) {
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const error = tried && props.required && [...text.trim()].length < 2 ? `请填写${props.label}` : null;
  return (
    <View className="linli-card">
      {props.children}
      <FormField label={props.label} hint={props.hint} error={error}>
        <Textarea
          className="needs__textarea"
          placeholderClass="needs__placeholder"
          value={text}
          maxlength={200}
          aria-label={props.label}
          nativeProps={{ 'aria-label': props.label }}
          onInput={(event) => setText(event.detail.value)}
        />
      </FormField>
      <Button
        className="needs__action"
        type="primary"
        size="large"
        block
        loading={props.pending}
        onClick={() => {
          setTried(true);
          if (props.required && [...text.trim()].length < 2) return;
          props.onSend(text.trim());
        }}
      >
        {props.button}
      </Button>
    </View>
  );
}

/**
 * 转为议题 (staff): a need that is a matter for the neighbour council becomes an agenda topic,
 * linked both ways; the topic then follows the agenda's own review and council steps.
 */
function ReferToAgenda({ detail, reload }: { detail: NeedDetail; reload: () => void }) {
  const { need } = detail;
  const steps = useNeedSteps(need.communityId, need.needId);
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<AgendaCategory>();
  const [tried, setTried] = useState(false);
  const titleError = tried && [...title.trim()].length < 4 ? '议题标题至少 4 个字' : null;
  const categoryError = tried && !category ? '请选择议题类别' : null;
  const problem = problemOf(undefined, steps.refer);
  return (
    <View className="linli-card" role="group" aria-label="转为议题">
      <Text className="care__title">转为议题</Text>
      <Text className="linli-muted">需要居民议事会商量的事，转成议题后由议事会讨论，办理进程互相关联。</Text>
      {problem ? <FormError message={problem} onDismiss={() => reload()} /> : null}
      <InputField
        label="议题标题"
        hint={`4–${TITLE_MAX} 个字，说清是什么事`}
        error={titleError}
        value={title}
        maxlength={TITLE_MAX}
        onInput={setTitle}
      />
      <FormField label="议题类别" error={categoryError}>
        <ChoiceChips
          label="议题类别"
          choices={AGENDA_CATEGORIES.map((c) => ({ value: c, label: c }))}
          value={category}
          onChange={setCategory}
        />
      </FormField>
      <Button
        className="needs__action"
        size="large"
        block
        loading={steps.refer.pending}
        onClick={() => {
          setTried(true);
          if ([...title.trim()].length < 4 || !category) return;
          void steps.refer.submit({ title: title.trim(), category }).then((result) => {
            if (!result) return;
            void Taro.showToast({ title: '已转为议题', icon: 'none' });
            reload();
          });
        }}
      >
        转为议题
      </Button>
    </View>
  );
}

function Actions({ detail, reload }: { detail: NeedDetail; reload: () => void }) {
  const { need, mine } = detail;
  const steps = useNeedSteps(need.communityId, need.needId);
  const [stars, setStars] = useState(0);
  const [starError, setStarError] = useState(false);
  const done = (title: string) => (result: unknown) => {
    if (!result) return;
    void Taro.showToast({ title, icon: 'none' });
    reload();
  };
  const problem = [steps.accept, steps.decline, steps.finish, steps.rate, steps.cancel]
    .map((m) => problemOf(undefined, m))
    .find(Boolean);
  return (
    <>
      {problem ? <FormError message={problem} onDismiss={() => reload()} /> : null}
      {mine.canAccept ? (
        <Button
          className="needs__action"
          type="primary"
          size="large"
          block
          loading={steps.accept.pending}
          onClick={() => void steps.accept.submit().then(done('已接单'))}
        >
          接单
        </Button>
      ) : null}
      {mine.canFinish ? (
        <NoteAction
          label="办理情况"
          hint="办好了什么，写一句"
          button="标记已办结"
          required
          pending={steps.finish.pending}
          onSend={(note) => void steps.finish.submit(note).then(done('已办结'))}
        />
      ) : null}
      {mine.canDecline ? (
        <NoteAction
          label="退单原因"
          hint="退单后社区会重新派单"
          button="退单"
          required
          pending={steps.decline.pending}
          onSend={(reason) => void steps.decline.submit(reason).then(done('已退单'))}
        />
      ) : null}
      {mine.canRate ? (
        <NoteAction
          label="评价留言（可不填）"
          button="提交评价"
          required={false}
          pending={steps.rate.pending}
          onSend={(comment) => {
            if (!stars) return setStarError(true);
            void steps.rate.submit({ stars, comment: comment || undefined }).then(done('谢谢您的评价'));
          }}
        >
          <FormField label="服务打分" hint="1 星最差，5 星最好" error={starError && !stars ? '请选择星级' : null}>
            <StarPicker value={stars} onChange={setStars} />
          </FormField>
        </NoteAction>
      ) : null}
      {mine.canDispatch ? (
        <Button
          className="needs__action"
          type="primary"
          size="large"
          block
          onClick={() => void Taro.navigateTo({ url: SUB_PAGES.staffCareNeeds })}
        >
          去派单台派单
        </Button>
      ) : null}
      {mine.canCancel && mine.isRequester ? (
        <Button
          className="needs__action"
          size="large"
          block
          loading={steps.cancel.pending}
          onClick={() => void steps.cancel.submit().then(done('求助已取消'))}
        >
          取消求助
        </Button>
      ) : null}
    </>
  );
}

function Detail({ communityId, needId }: { communityId: string; needId: string }) {
  const { acting } = useActingFor();
  const detail = useNeedDetail(communityId, needId, acting?.memberId);
  if (!detail.data)
    return <RequestStatus what="求助" loading={detail.loading} error={detail.error} onRetry={detail.reload} />;
  const { need, timeline, address } = detail.data;
  return (
    <>
      <NeedCard need={need}>
        {address ? <Text className="need-card__meta">地址：{address}</Text> : null}
        {need.doneNote ? <Text className="need-card__meta">办理情况：{need.doneNote}</Text> : null}
        {need.ratingComment ? <Text className="need-card__meta">评价留言：{need.ratingComment}</Text> : null}
        {need.topicId ? (
          <View
            className="need-card__meta"
            role="link"
            onClick={() => void Taro.navigateTo({ url: links.agendaTopic(need.communityId, need.topicId!) })}
          >
            已转为议题，点此查看 ›
          </View>
        ) : null}
      </NeedCard>
      <Actions detail={detail.data} reload={detail.reload} />
      {detail.data.mine.canRefer && !need.topicId ? (
        <ReferToAgenda detail={detail.data} reload={detail.reload} />
      ) : null}
      <View className="linli-card">
        <Text className="care__title">办理进程</Text>
        {timeline.map((e) => (
          <Text key={e.seq} className="needs__timeline-entry">
            {shanghaiTime(e.at)} {ROLE_TEXT[e.byRole]}
            {e.byName}：{NEED_STATE_LABELS[e.to]}
            {e.note ? `（${e.note}）` : ''}
          </Text>
        ))}
      </View>
    </>
  );
}

/** 求助详情: the need, its timeline, and what the viewer may do (accept, decline, finish, rate, cancel). */
export default function NeedDetailPage() {
  const { params } = useRouter();
  return (
    <PageShell className="needs-detail">
      {params.communityId && params.needId ? (
        <Detail communityId={params.communityId} needId={params.needId} />
      ) : (
        <Text>缺少求助编号</Text>
      )}
    </PageShell>
  );
}
