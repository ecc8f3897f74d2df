import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FormSubmit } from '../../../../../components/form-error';
import { InputField } from '../../../../../components/input-field';
import { PageShell } from '../../../../../components/page-shell';
import { RequestStatus } from '../../../../../components/request-status';
import { useSaveVisitIntervals, useVisitIntervals, type VisitIntervals } from '../../../../../hooks/use-grid';
import { StaffGate } from '../../../components/staff-gate';
import '../../../components/staff.css';
import { TAGS, intervalsOf, type Drafts } from './rules';

const HINTS: Record<(typeof TAGS)[number], string> = {
  独居: '不填按 7 天',
  高龄: '不填按 7 天',
  低保: '不填则不安排探访',
  残疾: '不填则不安排探访',
};

function Form({ communityId, saved }: { communityId: string; saved: VisitIntervals }) {
  const [drafts, setDrafts] = useState<Drafts>(
    Object.fromEntries(TAGS.map((t) => [t, saved[t]?.toString() ?? ''])) as Drafts,
  );
  const [error, setError] = useState<string>();
  const save = useSaveVisitIntervals(communityId);
  const submit = async () => {
    const parsed = intervalsOf(drafts);
    if (!parsed.ok) return setError(parsed.error);
    setError(undefined);
    if (await save.submit(parsed.intervals)) void Taro.showToast({ title: '已保存', icon: 'none', duration: 2000 });
  };
  return (
    <View className="linli-card">
      <Text className="staff__title">各标签多少天探访一次</Text>
      <Text className="staff__text linli-muted">一位老人有几个标签时，按最短的间隔探访。</Text>
      {TAGS.map((t) => (
        <InputField
          key={t}
          label={`${t}老人`}
          unit="天"
          type="number"
          optional
          hint={HINTS[t]}
          value={drafts[t]}
          error={save.fieldIssues(`intervals.${t}`)}
          onInput={(v) => setDrafts((d) => ({ ...d, [t]: v }))}
        />
      ))}
      <FormSubmit
        action={save}
        label="保存"
        own={error}
        clearOwn={() => setError(undefined)}
        className="staff__action"
        onSubmit={() => void submit()}
      />
    </View>
  );
}

function Intervals({ communityId }: { communityId: string }) {
  const intervals = useVisitIntervals(communityId);
  if (!intervals.data)
    return (
      <RequestStatus what="探访间隔" loading={intervals.loading} error={intervals.error} onRetry={intervals.reload} />
    );
  return <Form communityId={communityId} saved={intervals.data.intervals} />;
}

/** 探访间隔: days between visits per care tag, in 天. */
export default function StaffVisitIntervalsPage() {
  return (
    <PageShell>
      <StaffGate>{(communityId) => <Intervals communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
