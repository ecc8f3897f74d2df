import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ToggleSwitch } from '../../components/toggle-switch';
import { useState } from 'react';
import { EntryCard } from '../../components/entry-card';
import { PageShell } from '../../components/page-shell';
import { RequestStatus } from '../../components/request-status';
import { SUB_PAGES } from '../../constants';
import { useMe, type Me } from '../../hooks/use-me';
import { useJoinVolunteers, useMyPoints } from '../../hooks/use-points';
import './index.css';

const open = (url: string) => () => void Taro.navigateTo({ url });

const communityOf = (me: Me | undefined, role: 'volunteer' | 'resident') =>
  me?.grants.find((grant) => grant.role === role && grant.communityId)?.communityId;

/** 成为志愿者: immediate for a verified resident; 志愿之星 shows the name only if they allow it. */
function JoinCard({ communityId }: { communityId: string }) {
  const [showName, setShowName] = useState(true);
  const join = useJoinVolunteers(communityId);
  return (
    <View className="linli-card">
      <Text className="points__title">成为志愿者</Text>
      <Text className="points__text linli-muted">
        参加巡逻、探访独居老人、环境整治、助餐送餐等志愿服务，服务时长经社区确认后换成积分，可在爱心商户兑换。
      </Text>
      <View className="points__switch">
        <Text>在「志愿之星」榜单上显示我的名字</Text>
        <ToggleSwitch label="在志愿之星显示我的名字" checked={showName} onChange={setShowName} />
      </View>
      <Button
        className="points__action"
        type="primary"
        size="large"
        block
        loading={join.pending}
        onClick={() => void join.submit(showName)}
      >
        成为志愿者
      </Button>
    </View>
  );
}

function Balance({ communityId }: { communityId: string }) {
  const points = useMyPoints(communityId);
  if (!points.data)
    return <RequestStatus what="我的积分" loading={points.loading} error={points.error} onRetry={points.reload} />;
  return (
    <View className="linli-card points__balance" aria-label="积分余额">
      <Text className="linli-muted">我的积分</Text>
      <Text className="points__balance-value">{points.data.balance}</Text>
      {points.data.pendingPoints > 0 ? (
        <Text className="linli-muted">另有 {points.data.pendingPoints} 积分待社区确认时长</Text>
      ) : null}
    </View>
  );
}

/** 积分 tab: the balance and where to go; everything else lives in the points subpackage. */
export default function PointsPage() {
  const { me, signedIn, loading, error, reload } = useMe();
  const volunteerCommunity = communityOf(me, 'volunteer');
  const residentCommunity = communityOf(me, 'resident');
  const isMerchant = me?.grants.some((grant) => grant.role === 'merchant') ?? false;

  return (
    <PageShell className="points">
      {!signedIn ? (
        <View className="linli-card">
          <Text className="points__title">邻里积分</Text>
          <Text className="points__text linli-muted">
            以服务换积分，以积分换服务。登录并完成居民认证后可以成为志愿者。
          </Text>
          <Button className="points__action" type="primary" size="large" block onClick={open(SUB_PAGES.login)}>
            登录
          </Button>
        </View>
      ) : null}
      {signedIn && !me ? <RequestStatus what="我的信息" loading={loading} error={error} onRetry={reload} /> : null}
      {volunteerCommunity ? (
        <>
          <Balance communityId={volunteerCommunity} />
          <EntryCard
            icon="ledger"
            title="积分明细"
            description="每一笔积分的来由"
            onOpen={open(SUB_PAGES.pointsHistory)}
          />
          <EntryCard
            icon="volunteer"
            title="志愿活动"
            description="报名、现场扫码签到签退"
            onOpen={open(SUB_PAGES.pointsActivities)}
          />
          <EntryCard
            icon="store"
            title="爱心商户"
            description="用积分兑换理发、购物优惠"
            onOpen={open(SUB_PAGES.pointsMerchants)}
          />
        </>
      ) : null}
      {me && !volunteerCommunity && residentCommunity ? <JoinCard communityId={residentCommunity} /> : null}
      {me && !volunteerCommunity && !residentCommunity ? (
        <View className="linli-card">
          <Text className="points__title">先完成居民认证</Text>
          <Text className="points__text linli-muted">认证为本社区居民后，就可以成为志愿者、攒积分了。</Text>
        </View>
      ) : null}
      {me ? (
        <>
          <EntryCard
            icon="star"
            title="志愿之星"
            description="本月服务时长最多的志愿者"
            onOpen={open(SUB_PAGES.pointsStars)}
          />
          {!isMerchant ? (
            <EntryCard
              icon="key"
              title="商户入口"
              description="爱心商户用社区发的邀请码绑定店铺"
              onOpen={open(SUB_PAGES.merchantCenter)}
            />
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
