import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CommunityCard } from '../../components/community-card';
import { CommunitySwitcher } from '../../components/community-switcher';
import { EntryCard } from '../../components/entry-card';
import { HealthStatus } from '../../components/health-status';
import { PageShell } from '../../components/page-shell';
import { RequestStatus } from '../../components/request-status';
import { SUB_PAGES, TAB_PAGES } from '../../constants';
import { useCommunity } from '../../hooks/use-community';
import { useHealth } from '../../hooks/use-health';
import { useCurrentCommunity } from '../../hooks/use-current-community';
import { useMe } from '../../hooks/use-me';
import { mayUseStreetConsole } from '../../hooks/use-street-console';
import { MyDay } from './my-day';
import './index.css';

/** 早上好 / 中午好 / 下午好 / 晚上好 by the phone's clock. */
function greeting(hour: number): string {
  if (hour < 5) return '晚上好';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

const ENTRIES = [
  { icon: 'council', title: '社区议事', description: '大家的事大家商量', url: TAB_PAGES.council },
  { icon: 'message', title: '邻里议题', description: '身边的事提出来，办得怎样晒出来', url: SUB_PAGES.agenda },
  { icon: 'canteen', title: '长者食堂', description: '订餐与助餐补贴', url: TAB_PAGES.canteen },
  { icon: 'gift', title: '邻里积分', description: '参与社区活动攒积分', url: TAB_PAGES.points },
  { icon: 'star', title: '微心愿', description: '许个小心愿，邻居和共建单位帮您圆梦', url: SUB_PAGES.careWall },
  { icon: 'partner', title: '我要求助', description: '灯坏了、需要助浴，社区派人来帮忙', url: SUB_PAGES.careNeedMine },
  { icon: 'members', title: '我的', description: '大字模式与个人设置', url: TAB_PAGES.mine },
] as const;

/** 首页: what matters to the person first (我的今天), then the services, then the community. */
export default function HomePage() {
  const { communityId } = useCurrentCommunity();
  const community = useCommunity(communityId);
  const health = useHealth();
  const state = useMe();
  const me = state.me;

  return (
    <PageShell className="home">
      <Text className="home__greeting">
        {greeting(new Date().getHours())}，{me?.member?.realName ?? '邻居'}
      </Text>
      <Text className="home__welcome linli-muted">
        {community.data ? `欢迎来到${community.data.name}` : '欢迎来到邻里'}
      </Text>

      {!communityId ? (
        <EntryCard
          icon="home"
          title="找到我的社区"
          description="先选街道，再选社区；也可以扫社区张贴的小程序码"
          onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.findCommunity })}
        />
      ) : null}
      <CommunitySwitcher />
      {mayUseStreetConsole(me) ? (
        <EntryCard
          icon="figures"
          title="街道工作台"
          description="街道、社区、任命邀请、人员与街道数据"
          onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.streetConsole })}
        />
      ) : null}
      {!state.signedIn ? (
        <EntryCard
          icon="key"
          title="登录"
          description="登录后可以预约议事会、订餐、查看积分和消息"
          onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.login })}
        />
      ) : me ? (
        <MyDay me={me} />
      ) : null}

      <Text className="linli-section-title">常用服务</Text>
      {ENTRIES.map((entry) => (
        <EntryCard
          key={entry.url}
          icon={entry.icon}
          title={entry.title}
          description={entry.description}
          onOpen={() =>
            void (entry.url.startsWith('/pages/')
              ? Taro.switchTab({ url: entry.url })
              : Taro.navigateTo({ url: entry.url }))
          }
        />
      ))}

      <Text className="linli-section-title">我们的社区</Text>
      {community.data ? (
        <CommunityCard community={community.data} />
      ) : !communityId ? (
        <View className="linli-card">
          <Text className="linli-muted">还没有选择社区，请先在上面“找到我的社区”。</Text>
        </View>
      ) : (
        <RequestStatus what="社区信息" loading={community.loading} error={community.error} onRetry={community.reload} />
      )}
      <View className="linli-card">
        <HealthStatus health={health.data} error={health.error} loading={health.loading} />
      </View>
    </PageShell>
  );
}
