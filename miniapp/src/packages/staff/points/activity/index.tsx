import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { PageShell } from '../../../../components/page-shell';
import { QrCode } from '../../../../components/qr-code';
import { RequestStatus } from '../../../../components/request-status';
import { SIGNUP_LABELS, activityCode, useActivitySignups } from '../../../../hooks/use-points';
import { formatSessionTime, shanghaiClock } from '../../../../utils/session-time';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../points.css';

type Code = Awaited<ReturnType<typeof activityCode>>;

/** The code on site: a new one each minute (each valid three), so a photo of it is soon useless. */
function RotatingCode({ communityId, activityId }: { communityId: string; activityId: string }) {
  const [action, setAction] = useState<'in' | 'out'>('in');
  const [code, setCode] = useState<Code>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = () =>
      activityCode(communityId, activityId, action).then(
        (next) => {
          if (!live) return;
          setCode(next);
          setFailed(false);
          timer = setTimeout(load, Math.max(5_000, Date.parse(next.refreshAt) - Date.now() + 500));
        },
        () => {
          if (!live) return;
          setFailed(true);
          timer = setTimeout(load, 10_000);
        },
      );
    void load();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [communityId, activityId, action]);

  return (
    <View className="linli-card" aria-label="活动二维码">
      <View className="staff__buttons">
        <Button
          className="staff__button"
          type={action === 'in' ? 'primary' : 'default'}
          size="large"
          onClick={() => setAction('in')}
        >
          签到码
        </Button>
        <Button
          className="staff__button"
          type={action === 'out' ? 'primary' : 'default'}
          size="large"
          onClick={() => setAction('out')}
        >
          签退码
        </Button>
      </View>
      <Text className="staff__text">请志愿者扫描{action === 'in' ? '签到' : '签退'}二维码（每分钟更换）</Text>
      {code && code.action === action ? (
        <>
          <View className="staff-points__qr">
            <QrCode text={code.code} label={action === 'in' ? '签到二维码' : '签退二维码'} />
          </View>
          <Text className="staff__text">手机扫不出来时，请志愿者在「输入活动码」里输入：</Text>
          <Text className="staff-points__short-code" aria-label={action === 'in' ? '签到码文字' : '签退码文字'}>
            {code.shortCode}
          </Text>
          <Text className="staff__text linli-muted">{shanghaiClock(code.refreshAt)} 更换，旧码 3 分钟内仍可用</Text>
        </>
      ) : null}
      {failed ? <Text className="staff__text linli-muted">二维码获取失败，正在重试…</Text> : null}
    </View>
  );
}

function Signups({ communityId, activityId }: { communityId: string; activityId: string }) {
  const list = useActivitySignups(communityId, activityId);
  if (!list.data)
    return <RequestStatus what="报名名单" loading={list.loading} error={list.error} onRetry={list.reload} />;
  const { activity, signups } = list.data;
  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">{activity.title}</Text>
        <Text className="staff__text">{formatSessionTime(activity.startsAt, activity.endsAt)}</Text>
        <Text className="staff__text linli-muted">
          {activity.place} · 已报名 {activity.signedUp}/{activity.slots}
        </Text>
      </View>
      <RotatingCode communityId={communityId} activityId={activityId} />
      <Text className="linli-section-title">报名名单</Text>
      <View className="linli-card">
        {signups.length === 0 ? <Text className="linli-muted">还没有人报名</Text> : null}
        {signups.map((s) => (
          <View className="staff-points__line" key={s.signupId} aria-label={`报名 ${s.name}`}>
            <View className="staff-points__row">
              <Text>{s.name}</Text>
              <Text className="linli-muted">{SIGNUP_LABELS[s.status]}</Text>
            </View>
            {s.checkedInAt ? (
              <Text className="linli-muted">
                签到 {shanghaiClock(s.checkedInAt)}
                {s.checkedOutAt ? ` · 签退 ${shanghaiClock(s.checkedOutAt)}` : ''}
              </Text>
            ) : null}
          </View>
        ))}
        <Button className="staff__action" size="large" block onClick={list.reload}>
          刷新名单
        </Button>
      </View>
    </>
  );
}

/** 活动签到: the rotating check-in/out QR to show on site, and who signed up, checked in and out. */
export default function StaffActivityPage() {
  const { params } = useRouter();
  return (
    <PageShell className="staff-activity">
      <StaffGate>
        {(communityId) => <Signups communityId={communityId} activityId={params.activityId ?? ''} />}
      </StaffGate>
    </PageShell>
  );
}
