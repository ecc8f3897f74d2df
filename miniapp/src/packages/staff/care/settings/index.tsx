import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormError, problemOf } from '../../../../components/form-error';
import { InputField } from '../../../../components/input-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { useCareSettings, useSaveCareSettings, type CareSettings } from '../../../../hooks/use-care';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';

/** A whole number within bounds, or the problem in words. */
export function wholeNumber(text: string, label: string, min: number, max: number): number | string {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return `${label}请填整数`;
  const n = Number(value);
  return n < min || n > max ? `${label}应在 ${min} 到 ${max} 之间` : n;
}

function SettingsForm({ communityId, settings }: { communityId: string; settings: CareSettings }) {
  const save = useSaveCareSettings(communityId);
  const [days, setDays] = useState(String(settings.overdueDays));
  const [points, setPoints] = useState(String(settings.pointsPerWish));
  const [error, setError] = useState<string>();
  const submit = async () => {
    const overdueDays = wholeNumber(days, '超期天数', 1, 60);
    const pointsPerWish = wholeNumber(points, '圆梦积分', 0, 1000);
    if (typeof overdueDays === 'string' || typeof pointsPerWish === 'string') {
      setError(typeof overdueDays === 'string' ? overdueDays : (pointsPerWish as string));
      return;
    }
    setError(undefined);
    if (await save.submit({ overdueDays, pointsPerWish })) {
      void Taro.showToast({ title: '已保存', icon: 'none', duration: 2000 });
    }
  };
  const problem = problemOf(error, save);
  return (
    <View className="linli-card">
      <Text className="staff__title">微心愿</Text>
      <InputField
        label="认领后几天未送达算超期"
        unit="天"
        type="number"
        hint="1 到 60 天；超期的心愿在总览里标出"
        value={days}
        error={save.fieldIssues('overdueDays')}
        onInput={setDays}
      />
      <InputField
        label="志愿者圆梦一个心愿得"
        unit="积分"
        type="number"
        hint="0 到 1000 分；许愿人确认圆梦后记入志愿者积分，只记一次"
        value={points}
        error={save.fieldIssues('pointsPerWish')}
        onInput={setPoints}
      />
      {problem ? (
        <FormError message={problem} onDismiss={() => (error ? setError(undefined) : save.dismiss())} />
      ) : null}
      <Button
        className="staff__action"
        type="primary"
        size="large"
        block
        loading={save.pending}
        onClick={() => void submit()}
      >
        保存设置
      </Button>
    </View>
  );
}

function Settings({ communityId }: { communityId: string }) {
  const settings = useCareSettings(communityId);
  if (!settings.data) {
    return <RequestStatus what="设置" loading={settings.loading} error={settings.error} onRetry={settings.reload} />;
  }
  return <SettingsForm communityId={communityId} settings={settings.data} />;
}

/** 微心愿设置: when a claim counts as overdue (天) and what a volunteer's fulfilment earns (积分). */
export default function CareSettingsPage() {
  return (
    <PageShell className="staff-care-settings">
      <StaffGate>{(communityId) => <Settings communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
