import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CommunitySwitcher } from '../../components/community-switcher';
import { EntryCard } from '../../components/entry-card';
import { LargeTextSwitch } from '../../components/large-text-switch';
import { PageShell } from '../../components/page-shell';
import { RequestStatus } from '../../components/request-status';
import { SUB_PAGES } from '../../constants';
import { useMe } from '../../hooks/use-me';
import { mayUseStreetConsole } from '../../hooks/use-street-console';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { staffCommunityOf } from '../../services/me';
import { clearSession } from '../../services/session';
import { badgeText } from '../../services/unread';
import { Dependents, Membership, MessageReminders, Profile, SignedOut } from './sections';
import { currentCommunityOf } from '../../services/current-community';
import './index.css';

async function logout(): Promise<void> {
  const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出登录吗？', confirmText: '退出' });
  if (confirm) clearSession();
}

/** 我的: who I am, my residence, the family I act for, and the settings. */
export default function MinePage() {
  const { me, loading, error, signedIn, reload } = useMe();
  const unread = useUnreadCount();
  const isStaff = me ? staffCommunityOf(me, currentCommunityOf(me)) !== undefined : false;
  const isMerchant = me?.grants.some((grant) => grant.role === 'merchant') ?? false;
  const isStreet = mayUseStreetConsole(me);
  const isPartner = me?.grants.some((grant) => grant.role === 'partner' && grant.partnerId) ?? false;
  const isGridWorker = me?.grants.some((grant) => grant.role === 'grid') ?? false;
  const takesTasks = me?.grants.some((g) => g.role === 'volunteer' || g.role === 'partner') ?? false;

  return (
    <PageShell className="mine">
      {!signedIn ? <SignedOut /> : null}
      {signedIn && !me ? <RequestStatus what="我的信息" loading={loading} error={error} onRetry={reload} /> : null}
      {me ? (
        <>
          <Profile me={me} />
          <EntryCard
            icon="mail"
            title="消息"
            description={unread > 0 ? `${unread} 条未读消息` : '没有未读消息'}
            badge={unread > 0 ? badgeText(unread) : undefined}
            onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.messages })}
          />
          <CommunitySwitcher />
          {isStaff || isMerchant || isPartner || isStreet || isGridWorker ? (
            <Text className="linli-section-title">工作入口</Text>
          ) : null}
          {isGridWorker ? (
            <EntryCard
              icon="home"
              title="我的网格"
              description="住户名单、超期未探访的老人、记录探访"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.gridHome })}
            />
          ) : null}
          {isGridWorker ? (
            <EntryCard
              icon="partner"
              title="求助派单"
              description="本网格居民的求助，派给志愿者或共建单位"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.staffCareNeeds })}
            />
          ) : null}
          {takesTasks || isStaff ? (
            <EntryCard
              icon="partner"
              title="我的任务"
              description="社区派给我的求助：接单、退单、办结"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.careNeedTasks })}
            />
          ) : null}
          {isStreet ? (
            <EntryCard
              icon="figures"
              title="街道工作台"
              description="街道、社区、任命邀请、人员与街道数据"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.streetConsole })}
            />
          ) : null}
          {isStaff ? (
            <EntryCard
              icon="home"
              title="社区工作台"
              description="居民认证审核、代办绑定确认、居民档案"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.staffWorkbench })}
            />
          ) : null}
          {isMerchant ? (
            <EntryCard
              icon="store"
              title="商户中心"
              description="扫码核销积分、兑换记录与月结单"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.merchantCenter })}
            />
          ) : null}
          {isPartner ? (
            <EntryCard
              icon="partner"
              title="共建单位认领心愿"
              description="心愿墙上定向给本单位的心愿，认领与送达"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.careWall })}
            />
          ) : null}
          <EntryCard
            icon="mail"
            title="接受任命邀请"
            description="街道或社区发来的 8 位邀请码"
            onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.invite })}
          />
          {isPartner ? null : (
            <EntryCard
              icon="partner"
              title="共建单位绑定"
              description="共建单位经办人输入社区给的邀请码"
              onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.careBind })}
            />
          )}
          <Text className="linli-section-title">居民认证</Text>
          <Membership me={me} />
          {me.member ? (
            <>
              <Text className="linli-section-title">家人代办</Text>
              <Dependents me={me} />
            </>
          ) : null}
        </>
      ) : null}

      {me ? (
        <>
          <Text className="linli-section-title">消息提醒</Text>
          <MessageReminders userId={me.userId} />
        </>
      ) : null}

      <Text className="linli-section-title">阅读设置</Text>
      <View className="linli-card">
        <LargeTextSwitch />
      </View>

      {signedIn ? (
        <EntryCard
          icon="key"
          title="个人信息与账号"
          description="下载我的数据、注销账号"
          onOpen={() => void Taro.navigateTo({ url: SUB_PAGES.privacy })}
        />
      ) : null}
      {signedIn ? (
        <Button className="mine__logout" size="large" block onClick={() => void logout()}>
          退出登录
        </Button>
      ) : null}
    </PageShell>
  );
}
