import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EntryCard } from '../../../components/entry-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useAllStreets, useStreetOverview } from '../../../hooks/use-street-console';
import { CommunityRow, CreateCommunityForm, CreateStreetForm, OperatorInviteForm } from '../components/forms';
import { StreetGate } from '../components/street-gate';
import '../components/street.css';

const open = (url: string) => () => void Taro.navigateTo({ url });

/** The platform admin's start: every street office, and a new one. */
function Streets() {
  const streets = useAllStreets();
  return (
    <>
      <Text className="linli-section-title">街道（乡镇）</Text>
      {streets.data ? (
        streets.data.items.length === 0 ? (
          <View className="linli-card">
            <Text className="street__text">还没有街道。先新建一个街道，再邀请它的街道管理员。</Text>
          </View>
        ) : (
          streets.data.items.map((street) => (
            <EntryCard
              key={street.id}
              icon="home"
              title={street.name}
              description={`${street.city}${street.district} · 社区、管理员邀请与人员`}
              onOpen={open(`${SUB_PAGES.streetConsole}?streetId=${street.id}`)}
            />
          ))
        )
      ) : (
        <RequestStatus what="街道列表" loading={streets.loading} error={streets.error} onRetry={streets.reload} />
      )}
      <CreateStreetForm onCreated={streets.reload} />
    </>
  );
}

/** One street: its communities (new, edit, invite staff), the operator invite (admin), people and figures. */
function Street({ streetId, admin }: { streetId: string; admin: boolean }) {
  const overview = useStreetOverview(streetId);
  if (!overview.data) {
    return (
      <RequestStatus what="街道信息" loading={overview.loading} error={overview.error} onRetry={overview.reload} />
    );
  }
  const { street, items } = overview.data;
  return (
    <>
      <Text className="street__name">{street.name}</Text>
      <Text className="street__text linli-muted">{`${street.city}${street.district} · ${items.length} 个社区`}</Text>
      <Text className="linli-section-title">人员与数据</Text>
      <EntryCard
        icon="members"
        title="人员、邀请与任免记录"
        description="谁担任什么职务、免去职务、撤销邀请"
        onOpen={open(`${SUB_PAGES.streetRoles}?streetId=${streetId}`)}
      />
      <EntryCard
        icon="figures"
        title="街道数据"
        description="各社区每月的认证居民、议事、食堂、志愿服务"
        onOpen={open(`${SUB_PAGES.streetFigures}?streetId=${streetId}`)}
      />
      {admin ? <OperatorInviteForm streetId={streetId} onSent={() => undefined} /> : null}
      <Text className="linli-section-title">社区</Text>
      <View className="linli-card">
        {items.length === 0 ? <Text className="street__text">这个街道还没有社区，请在下面新建。</Text> : null}
        {items.map((community) => (
          <CommunityRow key={community.id} streetId={streetId} community={community} onChanged={overview.reload} />
        ))}
      </View>
      <CreateCommunityForm streetId={streetId} onCreated={overview.reload} />
    </>
  );
}

/** 街道工作台: platform admins start from the streets; a street operator from their own street. */
export default function StreetConsolePage() {
  const { params } = useRouter();
  return (
    <PageShell className="street">
      <StreetGate streetId={params.streetId}>
        {({ admin, streetId }) => (streetId ? <Street streetId={streetId} admin={admin} /> : <Streets />)}
      </StreetGate>
    </PageShell>
  );
}
