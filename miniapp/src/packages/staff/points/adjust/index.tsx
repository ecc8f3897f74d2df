import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { InputField } from '../../../../components/input-field';
import {
  useAdjustPoints,
  useAudit,
  useReversePosting,
  useVolunteerPoints,
  useVolunteers,
} from '../../../../hooks/use-points';
import { formatShanghai } from '../../../../utils/time';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../points.css';

const KIND_LABELS = {
  hours: '志愿时长',
  delivery: '送餐',
  redeem: '兑换',
  adjust: '手工调整',
  reversal: '冲正',
  seed: '期初',
  wish: '微心愿',
};

function VolunteerLedger({
  communityId,
  userId,
  onChanged,
}: {
  communityId: string;
  userId: string;
  onChanged: () => void;
}) {
  const ledger = useVolunteerPoints(communityId, userId);
  const reverse = useReversePosting(communityId);
  const [reason, setReason] = useState('');
  if (!ledger.data)
    return <RequestStatus what="积分明细" loading={ledger.loading} error={ledger.error} onRetry={ledger.reload} />;
  return (
    <View className="linli-card">
      <Text className="staff__title">余额 {ledger.data.balance} 积分</Text>
      <InputField label="冲正原因" hint="冲正时必填" value={reason} onInput={setReason} />
      {ledger.data.entries.map((e) => (
        <View className="staff-points__line" key={e.postingId}>
          <View className="staff-points__row">
            <Text>
              {KIND_LABELS[e.kind]} · {e.reason}
            </Text>
            <Text>{e.amount > 0 ? `+${e.amount}` : e.amount}</Text>
          </View>
          <Text className="linli-muted">
            {formatShanghai(e.postedAt)}
            {e.reversed ? ' · 已冲正' : ''}
          </Text>
          {!e.reversed && e.kind !== 'reversal' ? (
            <Button
              size="large"
              loading={reverse.pending}
              onClick={() =>
                void reverse.submit({ postingId: e.postingId, reason }).then((r) => {
                  if (!r) return;
                  ledger.reload();
                  onChanged();
                })
              }
            >
              冲正这笔
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}

function Adjust({ communityId }: { communityId: string }) {
  const volunteers = useVolunteers(communityId);
  const audit = useAudit(communityId);
  const adjust = useAdjustPoints(communityId);
  const [userId, setUserId] = useState<string>();
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [generation, setGeneration] = useState(0);
  const changed = () => {
    audit.reload();
    volunteers.reload();
    setGeneration((n) => n + 1);
  };
  if (!volunteers.data)
    return (
      <RequestStatus what="志愿者" loading={volunteers.loading} error={volunteers.error} onRetry={volunteers.reload} />
    );

  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">选择志愿者</Text>
        <ChoiceChips
          label="志愿者"
          wide
          choices={volunteers.data.volunteers.map((v) => ({
            value: v.userId,
            label: `${v.name}（${v.balance} 积分）`,
          }))}
          value={userId}
          onChange={setUserId}
        />
      </View>
      {userId ? (
        <>
          <View className="linli-card">
            <Text className="staff__title">手工调整</Text>
            <InputField
              label="调整积分"
              unit="积分"
              hint="扣减填负数，如 -20"
              value={points}
              placeholder="如 20 或 -20"
              error={adjust.fieldIssues('points')}
              onInput={setPoints}
            />
            <InputField label="调整原因" value={reason} error={adjust.fieldIssues('reason')} onInput={setReason} />
            <Button
              className="staff__action"
              type="primary"
              size="large"
              block
              loading={adjust.pending}
              onClick={() =>
                void adjust.submit({ userId, points: Number(points), reason }).then((r) => {
                  if (!r) return;
                  setPoints('');
                  setReason('');
                  changed();
                })
              }
            >
              确认调整
            </Button>
          </View>
          <VolunteerLedger
            key={`${userId}:${generation}`}
            communityId={communityId}
            userId={userId}
            onChanged={changed}
          />
        </>
      ) : null}
      <Text className="linli-section-title">审计清单</Text>
      <View className="linli-card" aria-label="审计清单">
        {audit.data?.lines.length === 0 ? <Text className="linli-muted">还没有手工调整或冲正</Text> : null}
        {audit.data?.lines.map((l) => (
          <View className="staff-points__line" key={l.postingId}>
            <View className="staff-points__row">
              <Text>
                {KIND_LABELS[l.kind]} · {l.volunteerName ?? ''}
              </Text>
              <Text>{l.amount > 0 ? `+${l.amount}` : l.amount}</Text>
            </View>
            <Text className="linli-muted">
              {l.reason} · {l.byName} · {formatShanghai(l.postedAt)}
            </Text>
          </View>
        ))}
      </View>
    </>
  );
}

/** 积分调整与审计: staff adjust a volunteer's points with a reason, reverse a posting, and see every such change. */
export default function StaffPointsAdjustPage() {
  return (
    <PageShell className="staff-points-adjust">
      <StaffGate>{(communityId) => <Adjust communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
