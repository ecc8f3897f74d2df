import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { REPLY_TEMPLATES } from '@linli/shared/domain/agenda/state';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { DateField } from '../../../../components/date-field';
import { FormField } from '../../../../components/form-field';
import { InputField } from '../../../../components/input-field';
import { TextField } from '../../../../components/text-field';
import { useOpenTopics, type Tally, type Topic, type useTopicSteps } from '../../../../hooks/use-agenda';
import { useStaffSessions } from '../../../../hooks/use-council-staff';
import { todayInShanghai } from '../../../../services/form-rules';
import { formatSessionTime } from '../../../../utils/session-time';
import { RejectForm } from '../../components/reject-form';

type Steps = ReturnType<typeof useTopicSteps>;

interface StepProps {
  topic: Topic;
  steps: Steps;
  /** Called with a toast text after a step went through. */
  onDone: (toast: string) => void;
}

/** A staff note box with its label, styled like the reject form's. */
function NoteBox({
  label,
  value,
  onInput,
  placeholder,
}: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  placeholder: string;
}) {
  return (
    <Textarea
      className="linli-textarea reject-form__input"
      value={value}
      maxlength={1000}
      placeholder={placeholder}
      placeholderClass="reject-form__placeholder"
      aria-label={label}
      onInput={(event) => onInput(event.detail.value)}
    />
  );
}

/** Tapping a reply fills the box, where it stays editable. */
function Templates({
  templates,
  chosen,
  onChoose,
}: {
  templates: readonly string[];
  chosen: string;
  onChoose: (t: string) => void;
}) {
  return (
    <>
      <Text className="staff__text linli-muted">点一条常用回复，可以再修改：</Text>
      {templates.map((template) => (
        <View
          key={template}
          className={`reject-form__template${chosen === template ? ' reject-form__template--chosen' : ''}`}
          role="button"
          aria-label={`使用回复：${template}`}
          onClick={() => onChoose(template)}
        >
          <Text>{template}</Text>
        </View>
      ))}
    </>
  );
}

function MergeForm({ topic, steps, onDone, onCancel }: StepProps & { onCancel: () => void }) {
  const open = useOpenTopics(topic.communityId, undefined);
  const [into, setInto] = useState<string>();
  const [note, setNote] = useState<string>(REPLY_TEMPLATES.merge[0]);
  const targets = (open.data?.topics ?? []).filter((t) => t.topicId !== topic.topicId);
  const send = async () => {
    if (!into) {
      void Taro.showToast({ title: '请选择要并入的议题', icon: 'none', duration: 2000 });
      return;
    }
    if (await steps.merge.submit({ intoTopicId: into, note: note.trim() || undefined }))
      onDone('已合并，附议已一并计入');
  };
  return (
    <View className="reject-form">
      <Text className="reject-form__label">并入哪个议题</Text>
      {targets.length === 0 ? (
        <Text className="staff__text linli-muted">没有可以并入的议题</Text>
      ) : (
        <ChoiceChips
          label="并入的议题"
          choices={targets.map((t) => ({ value: t.topicId, label: t.title, note: `附议 ${t.cosignCount} 人` }))}
          value={into}
          onChange={setInto}
          wide
        />
      )}
      <Templates templates={REPLY_TEMPLATES.merge} chosen={note} onChoose={setNote} />
      <NoteBox label="合并说明" value={note} onInput={setNote} placeholder="告诉居民为什么合并" />
      <View className="staff__buttons">
        <Button className="staff__button" size="large" onClick={onCancel}>
          取消
        </Button>
        <Button
          className="staff__button"
          type="primary"
          size="large"
          loading={steps.merge.pending}
          onClick={() => void send()}
        >
          确认合并
        </Button>
      </View>
    </View>
  );
}

/** 待审核: 受理, 不予受理 with a reason, or 合并 into an existing topic. */
export function ReviewStep(props: StepProps) {
  const { steps, onDone } = props;
  const [mode, setMode] = useState<'buttons' | 'reject' | 'merge'>('buttons');
  if (mode === 'reject') {
    return (
      <RejectForm
        templates={REPLY_TEMPLATES.reject}
        label="不予受理的原因（居民会看到）"
        confirmLabel="确认不予受理"
        placeholder="请写明原因，居民会在消息和议题进程里看到"
        minLength={4}
        pending={steps.reject.pending}
        onCancel={() => setMode('buttons')}
        onSubmit={(reason) => void steps.reject.submit(reason).then((t) => t && onDone('已回复居民'))}
      />
    );
  }
  if (mode === 'merge') return <MergeForm {...props} onCancel={() => setMode('buttons')} />;
  return (
    <>
      <View className="staff__buttons">
        <Button className="staff__button" size="large" onClick={() => setMode('reject')}>
          不予受理
        </Button>
        <Button className="staff__button" size="large" onClick={() => setMode('merge')}>
          合并
        </Button>
      </View>
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={steps.approve.pending}
        onClick={() => void steps.approve.submit(undefined).then((t) => t && onDone('已受理'))}
      >
        受理
      </Button>
    </>
  );
}

/** 待上会: pick an upcoming session of the community. */
export function ScheduleStep({ topic, steps, onDone }: StepProps) {
  const sessions = useStaffSessions(topic.communityId, 'upcoming');
  const [sessionId, setSessionId] = useState<string>();
  const now = new Date().toISOString();
  const choices = (sessions.data?.sessions ?? []).filter((s) => s.status === 'scheduled' && s.startsAt > now);
  return (
    <View className="reject-form">
      <Text className="reject-form__label">安排在哪场议事会</Text>
      {choices.length === 0 ? (
        <Text className="staff__text linli-muted">近期没有可以安排的议事会，请先在“议事会管理”里安排一场。</Text>
      ) : (
        <ChoiceChips
          label="议事会"
          choices={choices.map((s) => ({
            value: s.sessionId,
            label: s.title,
            note: formatSessionTime(s.startsAt, s.endsAt),
          }))}
          value={sessionId}
          onChange={setSessionId}
          wide
        />
      )}
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={steps.schedule.pending}
        onClick={() => {
          if (!sessionId) {
            void Taro.showToast({ title: '请选择议事会', icon: 'none', duration: 2000 });
            return;
          }
          void steps.schedule.submit(sessionId).then((t) => t && onDone('已安排上会'));
        }}
      >
        安排上会
      </Button>
    </View>
  );
}

const toCount = (text: string) => (/^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : undefined);

/** 已排会: what the council decided, and the vote if there was one. */
export function DecideStep({ steps, onDone }: StepProps) {
  const [text, setText] = useState('');
  const [votes, setVotes] = useState({ for: '', against: '', abstain: '' });
  const [tried, setTried] = useState(false);
  const anyVote = votes.for || votes.against || votes.abstain;
  const tally: Tally | undefined = anyVote
    ? {
        for: toCount(votes.for || '0') ?? -1,
        against: toCount(votes.against || '0') ?? -1,
        abstain: toCount(votes.abstain || '0') ?? -1,
      }
    : undefined;
  const errors = {
    text: text.trim().length < 4 ? '请填写决定内容' : null,
    tally: tally && (tally.for < 0 || tally.against < 0 || tally.abstain < 0) ? '票数请填整数' : null,
  };
  return (
    <View className="reject-form">
      <FormField label="议事决定" hint="例如：维修费用由物业公司和居民各承担一半" error={tried ? errors.text : null}>
        <NoteBox label="议事决定" value={text} onInput={setText} placeholder="会上商量出的办法" />
      </FormField>
      <FormField label="表决结果" optional error={tried ? errors.tally : null}>
        <View className="staff__buttons">
          {(
            [
              ['for', '赞成'],
              ['against', '反对'],
              ['abstain', '弃权'],
            ] as const
          ).map(([k, label]) => (
            <View className="staff__button" key={k}>
              <InputField
                type="number"
                label={label}
                unit="票"
                value={votes[k]}
                onInput={(v) => setVotes({ ...votes, [k]: v })}
                maxlength={5}
              />
            </View>
          ))}
        </View>
      </FormField>
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={steps.decide.pending}
        onClick={() => {
          setTried(true);
          if (errors.text || errors.tally) return;
          void steps.decide.submit({ text: text.trim(), tally }).then((t) => t && onDone('已记录决定'));
        }}
      >
        保存决定
      </Button>
    </View>
  );
}

/** Who does what by when; the first ones start the work. */
export function ActionsStep({ topic, steps, onDone }: StepProps) {
  const today = todayInShanghai();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [tried, setTried] = useState(false);
  const errors = {
    title: title.trim().length < 2 ? '请填写要做的事' : null,
    owner: owner.trim() ? null : '请填写负责人',
    due: due ? null : '请选择完成日期',
  };
  const endYear = String(Number(today.slice(0, 4)) + 2);
  return (
    <View className="reject-form">
      <Text className="reject-form__label">
        {topic.status === 'decided' ? '添加行动项，开始办理' : '再添加一项行动'}
      </Text>
      <FormField label="要做的事" error={tried ? errors.title : null}>
        <TextField label="要做的事" value={title} onInput={setTitle} placeholder="例如：更换楼道灯" maxlength={60} />
      </FormField>
      <FormField label="负责人" error={tried ? errors.owner : null}>
        <TextField label="负责人" value={owner} onInput={setOwner} placeholder="例如：物业公司" maxlength={30} />
      </FormField>
      <FormField label="完成日期" error={tried ? errors.due : null}>
        <DateField
          label="完成日期"
          value={due}
          onChange={setDue}
          placeholder="选择日期"
          initial={today}
          start={today}
          end={`${endYear}-12-31`}
        />
      </FormField>
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={steps.addActions.pending}
        onClick={() => {
          setTried(true);
          if (errors.title || errors.owner || errors.due) return;
          void steps.addActions.submit([{ title: title.trim(), owner: owner.trim(), due }]).then((t) => {
            if (!t) return;
            setTitle('');
            setOwner('');
            setDue('');
            setTried(false);
            onDone('已添加行动项');
          });
        }}
      >
        添加行动项
      </Button>
    </View>
  );
}

/** 办理中: progress notes for the resident, and 办结. */
export function ProgressStep({ steps, onDone }: StepProps) {
  const [note, setNote] = useState('');
  const finish = async () => {
    const { confirm } = await Taro.showModal({
      title: '办结议题',
      content: '办结后议题会上晒事栏，居民可以评价。确定办结吗？',
      confirmText: '办结',
    });
    if (confirm && (await steps.finish.submit(note.trim() || undefined))) onDone('已办结，已上晒事栏');
  };
  return (
    <View className="reject-form">
      <Text className="reject-form__label">办理进展（居民会看到）</Text>
      <NoteBox label="办理进展" value={note} onInput={setNote} placeholder="例如：灯具已采购，本周内安装" />
      <View className="staff__buttons">
        <Button
          className="staff__button"
          size="large"
          loading={steps.progress.pending}
          onClick={() => {
            if (note.trim().length < 2) {
              void Taro.showToast({ title: '请填写进展', icon: 'none', duration: 2000 });
              return;
            }
            void steps.progress.submit(note.trim()).then((t) => {
              if (!t) return;
              setNote('');
              onDone('已更新进展');
            });
          }}
        >
          更新进展
        </Button>
        <Button
          className="staff__button"
          type="primary"
          size="large"
          loading={steps.finish.pending}
          onClick={() => void finish()}
        >
          办结
        </Button>
      </View>
    </View>
  );
}
