import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Fragment } from 'react';
import { countHouseholds } from '../../../components/community-card';
import { EntryCard } from '../../../components/entry-card';
import type { EntryIcon } from '../../../components/entry-card/icons';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useCommunity, type Community } from '../../../hooks/use-community';
import { useTopicQueue } from '../../../hooks/use-agenda';
import { useWishQueue } from '../../../hooks/use-care';
import { useApplicationQueue, useLinkQueue } from '../../../hooks/use-staff';
import { StaffGate } from '../components/staff-gate';
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

/** `3 件待审核`, or what is known while the count loads. */
function waiting(count: number | undefined, none: string): string {
  if (count === undefined) return '正在统计…';
  return count === 0 ? none : `${count} 件待处理`;
}

/** One entry of the menu: the page it opens and what waits there. */
interface Entry {
  icon: EntryIcon;
  title: string;
  description: string;
  page: string;
}

function Workbench({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const applications = useApplicationQueue(communityId, 'pending');
  const links = useLinkQueue(communityId, 'pending');
  const topics = useTopicQueue(communityId, 'submitted');
  const wishes = useWishQueue(communityId, 'pending_review');
  const data = community.data;
  const open = (url: string) => () => void Taro.navigateTo({ url });
  // The workbench's menu: each section's entries, in the order staff see them.
  const sections: { title: string; entries: Entry[] }[] = [
    {
      title: '待办事项',
      entries: [
        {
          icon: 'verify',
          title: '居民认证审核',
          description: waiting(applications.data?.items.length, '暂无待审核的申请'),
          page: SUB_PAGES.staffReviews,
        },
        {
          icon: 'partner',
          title: '代办绑定确认',
          description: waiting(links.data?.items.length, '暂无待确认的绑定'),
          page: SUB_PAGES.staffLinks,
        },
      ],
    },
    {
      title: '志愿服务与积分',
      entries: [
        {
          icon: 'gift',
          title: '志愿服务与积分',
          description: '发布活动、确认时长、爱心商户、积分统计',
          page: SUB_PAGES.staffPoints,
        },
      ],
    },
    {
      title: '社区议事',
      entries: [
        {
          icon: 'message',
          title: '议题办理',
          description: waiting(topics.data?.rows.length, '暂无待审核的议题'),
          page: SUB_PAGES.staffAgenda,
        },
        {
          icon: 'calendar',
          title: '议事会管理',
          description: '安排议事会、签到、导出参会名单',
          page: SUB_PAGES.staffCouncil,
        },
        { icon: 'council', title: '议事场所', description: '新增或修改议事场所和座位数', page: SUB_PAGES.staffVenues },
      ],
    },
    {
      title: '邻里关怀',
      entries: [
        {
          icon: 'star',
          title: '微心愿办理',
          description: waiting(wishes.data?.rows.length, '暂无待审核的心愿'),
          page: SUB_PAGES.staffCare,
        },
        {
          icon: 'partner',
          title: '求助派单',
          description: '居民求助、电话求助：派单、跟进超时、看评价',
          page: SUB_PAGES.staffCareNeeds,
        },
        {
          icon: 'members',
          title: '网格探访',
          description: '超期未探访的老人、网格员、探访间隔',
          page: SUB_PAGES.staffGrid,
        },
      ],
    },
    {
      title: '长者食堂',
      entries: [
        {
          icon: 'canteen',
          title: '食堂管理',
          description: '发布菜单、后厨备餐、取餐核销、电话代订、日结',
          page: SUB_PAGES.staffCanteen,
        },
      ],
    },
    {
      title: '档案管理',
      entries: [
        {
          icon: 'register',
          title: '为无微信居民建档',
          description: '替不用微信的老人登记住址和身份',
          page: SUB_PAGES.staffRegister,
        },
        {
          icon: 'register',
          title: '导入居民台账',
          description: '上传 CSV 或 Excel 台账；台账上的居民申请认证时自动通过',
          page: SUB_PAGES.staffRoster,
        },
        { icon: 'members', title: '居民档案', description: '按楼栋查看已认证的居民', page: SUB_PAGES.staffMembers },
      ],
    },
    {
      title: '消息通知',
      entries: [
        {
          icon: 'figures',
          title: '消息发送情况',
          description: '近 7 天站内消息与微信通知',
          page: SUB_PAGES.staffNotifyStats,
        },
      ],
    },
    {
      title: '网格与楼栋',
      entries: [
        {
          icon: 'edit',
          title: '编辑社区结构',
          description: '添加、改名、排序、停用网格、楼栋和单元',
          page: SUB_PAGES.staffStructure,
        },
      ],
    },
  ];

  return (
    <>
      <Text className="workbench__intro linli-muted">
        {data ? `${data.name} · ${data.city}${data.district}` : '社区网格与楼栋'}
      </Text>
      {sections.map((section) => (
        <Fragment key={section.title}>
          <Text className="linli-section-title">{section.title}</Text>
          {section.entries.map((entry) => (
            <EntryCard
              key={entry.title}
              icon={entry.icon}
              title={entry.title}
              description={entry.description}
              onOpen={open(entry.page)}
            />
          ))}
        </Fragment>
      ))}
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
    </>
  );
}

/** 社区工作台: what waits for staff, the member records, and the community's grids and buildings. */
export default function StaffWorkbenchPage() {
  return (
    <PageShell className="workbench">
      <StaffGate>{(communityId) => <Workbench communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
