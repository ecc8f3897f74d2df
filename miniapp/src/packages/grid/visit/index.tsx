import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { VISIT_METHODS, VISIT_NOTE_MAX, VISIT_OBSERVATIONS } from '@linli/shared/domain/care/visits';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { FormSubmit } from '../../../components/form-error';
import { FormField } from '../../../components/form-field';
import { PageShell } from '../../../components/page-shell';
import { useRecordVisit, type VisitInput } from '../../../hooks/use-grid';
import { GridGate } from '../components/grid-gate';
import '../components/grid.css';

type Method = VisitInput['method'];
type Observation = NonNullable<VisitInput['observation']>;

const METHOD_NOTES: Record<Method, string> = {
  上门: '到家里见到了',
  电话: '通上了电话',
  无人应答: '敲门或打电话没人应',
};
const OBSERVATION_NOTES: Record<Observation, string> = {
  良好: '一切正常',
  需要帮助: '社区会派人跟进',
  紧急: '请同时拨打 120 或 110',
};

function VisitForm({ communityId, memberId, name }: { communityId: string; memberId: string; name: string }) {
  const [method, setMethod] = useState<Method>();
  const [observation, setObservation] = useState<Observation>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const save = useRecordVisit(communityId, memberId);
  const needsObservation = method !== undefined && method !== '无人应答';

  const submit = async () => {
    if (!method) return setError('请选择探访方式');
    if (needsObservation && !observation) return setError('请选择看到的情况');
    setError(undefined);
    const saved = await save.submit({
      method,
      ...(needsObservation && observation ? { observation } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!saved) return;
    await Taro.showToast({ title: '已记录', icon: 'success', duration: 1500 });
    void Taro.navigateBack();
  };

  return (
    <View className="linli-card">
      <Text className="grid__form-title">探访{name}</Text>
      <FormField label="探访方式" error={save.fieldIssues('method')}>
        <ChoiceChips
          label="探访方式"
          wide
          choices={VISIT_METHODS.map((m) => ({ value: m, label: m, note: METHOD_NOTES[m] }))}
          value={method}
          onChange={setMethod}
        />
      </FormField>
      {needsObservation ? (
        <FormField label="看到的情况" error={save.fieldIssues('observation')}>
          <ChoiceChips
            label="看到的情况"
            wide
            choices={VISIT_OBSERVATIONS.map((o) => ({ value: o, label: o, note: OBSERVATION_NOTES[o] }))}
            value={observation}
            onChange={setObservation}
          />
        </FormField>
      ) : null}
      <FormField label="备注" optional hint="看到了什么、老人说了什么、需要什么帮助" error={save.fieldIssues('note')}>
        <Textarea
          className="grid__textarea"
          value={note}
          maxlength={VISIT_NOTE_MAX}
          placeholder="如：精神不错，说膝盖疼，想请人帮忙买药"
          placeholderClass="grid__placeholder"
          aria-label="备注"
          onInput={(event) => setNote(event.detail.value)}
        />
        <Text className="grid__count-line linli-muted">
          {note.length} / {VISIT_NOTE_MAX} 字
        </Text>
      </FormField>
      <FormSubmit
        action={save}
        label="保存探访记录"
        own={error}
        clearOwn={() => setError(undefined)}
        className="grid__action"
        onSubmit={() => void submit()}
      />
    </View>
  );
}

/** 记录探访: how (上门 / 电话 / 无人应答), what was seen (良好 / 需要帮助 / 紧急), a note. */
export default function GridVisitPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <GridGate>
        {(communityId) => (
          <VisitForm
            communityId={params.communityId || communityId}
            memberId={params.memberId ?? ''}
            name={decodeURIComponent(params.name ?? '')}
          />
        )}
      </GridGate>
    </PageShell>
  );
}
