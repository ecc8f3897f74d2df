import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { SessionCard } from '../../../components/session-card';
import { StatusTag } from '../../../components/status-tag';
import { SUB_PAGES } from '../../../constants';
import { useBuildingNames } from '../../../hooks/use-council';
import { useStaffSessions } from '../../../hooks/use-council-staff';
import { StaffGate } from '../components/staff-gate';
import { SessionCounts } from './components/session-counts';
import '../components/staff.css';
import './components/council.css';

const WHEN = [
  { value: 'upcoming', label: '未开始' },
  { value: 'past', label: '已开始' },
] as const;

type When = (typeof WHEN)[number]['value'];

function Sessions({ communityId }: { communityId: string }) {
  const [when, setWhen] = useState<When>('upcoming');
  const sessions = useStaffSessions(communityId, when);
  const buildingNames = useBuildingNames(communityId);
  const open = (url: string) => () => void Taro.navigateTo({ url });
  const list = sessions.data?.sessions;

  return (
    <>
      <Text className="staff__intro linli-muted">安排议事会、管理议事场所；点一场议事会查看参会名单、签到和导出。</Text>
      <View className="staff__buttons">
        <Button className="staff__button" size="large" onClick={open(SUB_PAGES.staffVenues)}>
          议事场所
        </Button>
        <Button className="staff__button" type="primary" size="large" onClick={open(SUB_PAGES.staffSchedule)}>
          安排议事会
        </Button>
      </View>
      <Text className="linli-section-title">议事会</Text>
      <View className="staff__filter">
        <ChoiceChips label="按时间查看" choices={WHEN} value={when} onChange={setWhen} />
      </View>
      {list ? (
        list.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>{when === 'upcoming' ? '还没有安排即将召开的议事会' : '还没有开过的议事会'}</Text>
          </View>
        ) : (
          list.map((session) => (
            <SessionCard
              key={session.sessionId}
              session={session}
              buildingNames={buildingNames}
              badges={session.status === 'cancelled' ? <StatusTag tone="bad">已取消</StatusTag> : undefined}
              onOpen={open(`${SUB_PAGES.staffAttendees}?sessionId=${session.sessionId}`)}
              openLabel="参会名单与签到"
            >
              <SessionCounts session={session} />
            </SessionCard>
          ))
        )
      ) : (
        <RequestStatus what="议事会" loading={sessions.loading} error={sessions.error} onRetry={sessions.reload} />
      )}
    </>
  );
}

/** 议事会管理: the community's sessions with their seat counts, and the ways to schedule more. */
export default function StaffCouncilPage() {
  return (
    <PageShell className="council-staff">
      <StaffGate>{(communityId) => <Sessions communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
