import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { countHouseholds } from '../../../components/community-card';
import { DEFAULT_COMMUNITY_ID } from '../../../constants';
import { useCommunity, type Community } from '../../../hooks/use-community';
import './index.css';

function Stats({ community }: { community: Community }) {
  const buildings = community.grids.reduce((sum, grid) => sum + grid.buildings.length, 0);
  const stats = [
    { label: '网格', value: community.grids.length },
    { label: '楼栋', value: buildings },
    { label: '住户', value: countHouseholds(community) },
  ];
  return (
    <View className="linli-card workbench__stats">
      {stats.map((stat) => (
        <View className="workbench__stat" key={stat.label}>
          <Text className="workbench__stat-value">{stat.value}</Text>
          <Text className="linli-muted">{stat.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** 社区工作台: the staff's view of the community's grids and buildings. */
export default function StaffWorkbenchPage() {
  const community = useCommunity(DEFAULT_COMMUNITY_ID);
  const data = community.data;

  return (
    <PageShell className="workbench">
      <Text className="workbench__intro linli-muted">
        {data ? `${data.name} · ${data.city}${data.district}` : '社区网格与楼栋'}
      </Text>
      {data ? (
        <>
          <Stats community={data} />
          {data.grids.map((grid) => (
            <View className="linli-card" key={grid.id}>
              <View className="workbench__grid-header">
                <Text className="workbench__grid-name">{grid.name}</Text>
                <Text className="linli-muted">{grid.leader ? `网格长 ${grid.leader}` : '暂无网格长'}</Text>
              </View>
              {grid.buildings.length === 0 ? <Text className="linli-muted">这个网格还没有楼栋</Text> : null}
              {grid.buildings.map((building) => (
                <View className="workbench__row" key={building.id}>
                  <View>
                    <Text>{building.name}</Text>
                    <Text className="workbench__row-address linli-muted">{building.address}</Text>
                  </View>
                  <View className="workbench__row-figures">
                    <Text>{building.households} 户</Text>
                    <Text className="workbench__units linli-muted">{building.units.length} 个单元</Text>
                  </View>
                </View>
              ))}
            </View>
          ))}
        </>
      ) : (
        <RequestStatus what="社区信息" loading={community.loading} error={community.error} onRetry={community.reload} />
      )}
    </PageShell>
  );
}
