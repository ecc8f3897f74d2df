import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CodeScanner } from '../../../components/code-scanner';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { useMe } from '../../../hooks/use-me';
import { SIGNUP_LABELS, useActivities, useScanActivity, useSignUp, type Activity } from '../../../hooks/use-points';
import { formatSessionTime, shanghaiClock } from '../../../utils/session-time';
import '../points.css';
import { CONSENT_FOR_TAP } from '@linli/shared/contract/notify';
import { askConsent } from '../../../services/subscribe';

const awardText = (a: Activity) =>
  a.award.kind === 'perHour' ? `每小时 ${a.award.pointsPerHour} 积分` : `完成奖励 ${a.award.points} 积分`;

function ActivityCard({ activity, onSignUp, pending }: { activity: Activity; onSignUp: () => void; pending: boolean }) {
  const mine = activity.mySignup;
  const full = activity.signedUp >= activity.slots;
  return (
    <View className="linli-card" aria-label={`活动 ${activity.title}`}>
      <View className="pts__row">
        <Text className="pts__title">{activity.title}</Text>
        {mine ? <StatusTag tone="ok">{SIGNUP_LABELS[mine.status]}</StatusTag> : null}
      </View>
      <Text className="pts__text">{formatSessionTime(activity.startsAt, activity.endsAt)}</Text>
      <Text className="pts__text linli-muted">
        {activity.place} · {awardText(activity)} · 已报名 {activity.signedUp}/{activity.slots}
      </Text>
      {mine?.checkedInAt ? <Text className="pts__text">签到 {shanghaiClock(mine.checkedInAt)}</Text> : null}
      {mine?.checkedOutAt ? (
        <Text className="pts__text">
          签退 {shanghaiClock(mine.checkedOutAt)}
          {mine.points !== undefined ? ` · ${mine.status === 'confirmed' ? '' : '预计 '}${mine.points} 积分` : ''}
        </Text>
      ) : null}
      {!mine ? (
        <Button
          className="pts__action"
          type="primary"
          size="large"
          block
          disabled={full}
          loading={pending}
          onClick={onSignUp}
        >
          {full ? '名额已满' : '报名'}
        </Button>
      ) : null}
    </View>
  );
}

function Activities({ communityId }: { communityId: string }) {
  const list = useActivities(communityId);
  const signUp = useSignUp(communityId);
  const scan = useScanActivity(communityId);
  const [done, setDone] = useState<string>();

  const onCode = async (code: string) => {
    setDone(undefined);
    const result = await scan.submit(code);
    if (!result) return;
    setDone(`${result.action === 'in' ? '签到成功' : '签退成功'}：${result.activity.title}`);
    list.reload();
  };

  return (
    <>
      <View className="linli-card">
        <Text className="pts__title">现场签到 / 签退</Text>
        <Text className="pts__text linli-muted">到达和离开时，扫描工作人员出示的活动二维码。</Text>
        <CodeScanner
          scanLabel="扫码签到/签退"
          typeLabel="输入活动码"
          submitLabel="提交活动码"
          pending={scan.pending}
          onCode={(c) => void onCode(c)}
        />
        {done ? (
          <Text className="pts__text pts__plus" aria-live="polite">
            ✓ {done}
          </Text>
        ) : null}
        {scan.error ? (
          <Text className="pts__error" aria-live="assertive">
            {scan.error.message}
          </Text>
        ) : null}
      </View>
      <Text className="linli-section-title">可报名的活动</Text>
      {!list.data ? (
        <RequestStatus what="志愿活动" loading={list.loading} error={list.error} onRetry={list.reload} />
      ) : null}
      {list.data?.activities.length === 0 ? (
        <View className="linli-card">
          <Text className="linli-muted">暂时没有志愿活动</Text>
        </View>
      ) : null}
      {list.data?.activities.map((a) => (
        <ActivityCard
          key={a.activityId}
          activity={a}
          pending={signUp.pending}
          onSignUp={() =>
            void askConsent(CONSENT_FOR_TAP.signup)
              .then(() => signUp.submit(a.activityId))
              .then((s) => s && list.reload())
          }
        />
      ))}
    </>
  );
}

/** 志愿活动: sign up, and check in and out on site with the code staff show. */
export default function PointsActivitiesPage() {
  const { me } = useMe();
  const communityId = me?.grants.find((g) => g.role === 'volunteer')?.communityId;
  return (
    <PageShell className="points-activities">{communityId ? <Activities communityId={communityId} /> : null}</PageShell>
  );
}
