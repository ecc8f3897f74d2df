import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ChoiceChips } from '../../../../components/choice-chips';
import { InputField } from '../../../../components/input-field';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { StatusTag } from '../../../../components/status-tag';
import { useCommunity } from '../../../../hooks/use-community';
import { revealRosterPhone, useRosterList } from '../../../../hooks/use-roster';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../index.css';

const ALL = 'all';

/** Rings a roster person: the full number is fetched on the tap (and recorded), never listed. */
async function callPerson(communityId: string, personId: string) {
  try {
    const { phone } = await revealRosterPhone(communityId, personId);
    await Taro.makePhoneCall({ phoneNumber: phone });
  } catch {
    // The client has shown why it failed; a cancelled call needs nothing.
  }
}

function RosterList({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const [buildingId, setBuildingId] = useState<string>(ALL);
  const [room, setRoom] = useState('');
  const [name, setName] = useState('');
  const list = useRosterList(communityId, {
    buildingId: buildingId === ALL ? undefined : buildingId,
    room: room.trim() || undefined,
    name: name.trim() || undefined,
  });
  const buildings = community.data?.grids.flatMap((grid) => grid.buildings) ?? [];
  const people = list.data?.people;

  return (
    <>
      <View className="staff__filter">
        <ChoiceChips
          label="楼栋"
          choices={[{ value: ALL, label: '全部' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
          value={buildingId}
          onChange={setBuildingId}
        />
        <View className="roster__search" />
        <InputField label="房号" optional value={room} onInput={setRoom} placeholder="如 302" maxlength={10} />
        <InputField label="姓名" optional value={name} onInput={setName} placeholder="可只输入姓" maxlength={20} />
      </View>
      {people ? (
        <>
          <Text className="linli-section-title">
            {list.data!.truncated
              ? `找到 ${list.data!.total} 人，先列出 ${people.length} 人，请缩小范围`
              : `共 ${people.length} 人`}
          </Text>
          {people.length === 0 ? (
            <View className="linli-card staff__empty">
              <Text>没有找到台账上的人</Text>
            </View>
          ) : (
            <View className="linli-card">
              {people.map((p) => (
                <View className="roster__row" key={p.personId}>
                  <View className="roster__row-head">
                    <Text className="roster__row-name">{p.name}</Text>
                    {p.memberId ? (
                      <StatusTag tone="ok">已认证</StatusTag>
                    ) : (
                      <StatusTag tone="neutral">未认证</StatusTag>
                    )}
                  </View>
                  <Text>
                    {p.buildingName} {p.unitName} {p.room}
                    {p.birthDate ? ` · ${p.birthDate}` : ''}
                  </Text>
                  <Text className="linli-muted">
                    {p.phoneMasked ?? '无手机号'}
                    {p.tags.length > 0 ? ` · ${p.tags.join('、')}` : ''}
                  </Text>
                  {p.phoneMasked ? (
                    <Button
                      className="roster__call"
                      size="large"
                      block
                      onClick={() => void callPerson(communityId, p.personId)}
                    >
                      打电话给{p.name}
                    </Button>
                  ) : null}
                </View>
              ))}
            </View>
          )}
        </>
      ) : (
        <RequestStatus what="居民台账" loading={list.loading} error={list.error} onRetry={list.reload} />
      )}
    </>
  );
}

/** 居民台账: the imported roster, searched by building, room and name; phones masked. */
export default function StaffRosterListPage() {
  return (
    <PageShell className="roster">
      <StaffGate>{(communityId) => <RosterList communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
