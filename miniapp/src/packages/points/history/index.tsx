import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { useMe } from '../../../hooks/use-me';
import { useMyPoints, useStars } from '../../../hooks/use-points';
import { formatShanghai } from '../../../utils/time';
import '../points.css';

function History({ communityId }: { communityId: string }) {
  const points = useMyPoints(communityId);
  if (!points.data)
    return <RequestStatus what="积分明细" loading={points.loading} error={points.error} onRetry={points.reload} />;
  const { balance, pendingPoints, entries } = points.data;
  return (
    <>
      <View className="linli-card" aria-label="积分余额">
        <Text className="pts__title">余额 {balance} 积分</Text>
        {pendingPoints > 0 ? <Text className="pts__text linli-muted">{pendingPoints} 积分待社区确认</Text> : null}
      </View>
      <Text className="linli-section-title">明细</Text>
      <View className="linli-card">
        {entries.length === 0 ? <Text className="linli-muted">还没有积分记录</Text> : null}
        {entries.map((e) => (
          <View className="pts__line" key={e.postingId} aria-label={`积分记录 ${e.reason}`}>
            <View className="pts__row">
              <Text>{e.reason}</Text>
              <Text className={e.amount > 0 ? 'pts__plus' : 'pts__minus'}>
                {e.amount > 0 ? `+${e.amount}` : e.amount}
              </Text>
            </View>
            <Text className="linli-muted">
              {formatShanghai(e.postedAt)}
              {e.reversed ? ' · 已冲正' : ''}
            </Text>
          </View>
        ))}
      </View>
    </>
  );
}

function Stars({ communityId }: { communityId: string }) {
  const stars = useStars(communityId);
  if (!stars.data)
    return <RequestStatus what="志愿之星" loading={stars.loading} error={stars.error} onRetry={stars.reload} />;
  return (
    <>
      <Text className="linli-section-title">志愿之星 · {stars.data.month.replace('-', '年')}月</Text>
      <View className="linli-card">
        {stars.data.stars.length === 0 ? <Text className="linli-muted">本月还没有确认的志愿时长</Text> : null}
        {stars.data.stars.map((s) => (
          <View className="pts__row pts__line" key={s.rank}>
            <Text>
              {s.rank <= 3 ? ['🥇', '🥈', '🥉'][s.rank - 1] : `${s.rank}.`} {s.name}
            </Text>
            <Text>{Math.round((s.minutes / 60) * 10) / 10} 小时</Text>
          </View>
        ))}
      </View>
    </>
  );
}

/** 积分明细 (each entry with its reason) and the month's 志愿之星. */
export default function PointsHistoryPage() {
  const { params } = useRouter();
  const { me } = useMe();
  const volunteer = me?.grants.find((g) => g.role === 'volunteer')?.communityId;
  const anyCommunity = me?.grants.find((g) => g.communityId)?.communityId;
  return (
    <PageShell className="points-history">
      {volunteer && params.view !== 'stars' ? <History communityId={volunteer} /> : null}
      {anyCommunity ? <Stars communityId={anyCommunity} /> : null}
    </PageShell>
  );
}
