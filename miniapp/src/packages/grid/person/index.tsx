import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { SUB_PAGES } from '../../../constants';
import { useGridPerson, type GridPersonCard } from '../../../hooks/use-grid';
import { formatDay, shanghaiClock } from '../../../utils/session-time';
import { GridGate } from '../components/grid-gate';
import { PersonRow } from '../../../components/grid-person';
import { observationTone, visitSummary } from '../../../components/grid-person/visit-text';
import '../components/grid.css';

async function call(phoneNumber: string) {
  try {
    await Taro.makePhoneCall({ phoneNumber });
  } catch {
    // A cancelled call needs nothing.
  }
}

function Contacts({ card }: { card: GridPersonCard }) {
  return (
    <View className="linli-card">
      <Text className="grid__title">联系电话</Text>
      {card.phone ? (
        <View className="grid__row">
          <Text className="grid__line">本人 {card.phone}</Text>
          <Button type="primary" onClick={() => void call(card.phone!)}>
            打电话给{card.person.name}
          </Button>
        </View>
      ) : (
        <Text className="grid__text linli-muted">本人没有登记电话。</Text>
      )}
      {card.caregivers.map((c) => (
        <View className="grid__row" key={`${c.name}-${c.relation}`}>
          <Text className="grid__line">
            家属 {c.name}（{c.relation}）{c.phone ? ` ${c.phone}` : ''}
          </Text>
          {c.phone ? <Button onClick={() => void call(c.phone!)}>打电话给{c.name}</Button> : null}
        </View>
      ))}
    </View>
  );
}

function Visits({ card }: { card: GridPersonCard }) {
  return (
    <View className="linli-card">
      <Text className="grid__title">探访记录</Text>
      {card.visits.length === 0 ? <Text className="grid__text linli-muted">还没有探访记录。</Text> : null}
      {card.visits.map((v) => (
        <View className="grid__visit" key={v.visitId}>
          <View className="grid__person-head">
            <Text className="grid__line">
              {formatDay(v.at)} {shanghaiClock(v.at)} · {v.byName}
            </Text>
            <StatusTag tone={observationTone(v.observation)}>{visitSummary(v)}</StatusTag>
          </View>
          {v.note ? <Text className="grid__line linli-muted">{v.note}</Text> : null}
          {v.needId ? <Text className="grid__line">已登记为需求，社区会派人跟进</Text> : null}
        </View>
      ))}
    </View>
  );
}

function Card({ communityId, memberId }: { communityId: string; memberId: string }) {
  const card = useGridPerson(communityId, memberId);
  if (!card.data)
    return <RequestStatus what="住户卡片" loading={card.loading} error={card.error} onRetry={card.reload} />;
  const person = card.data.person;
  const record = () =>
    void Taro.navigateTo({
      url: `${SUB_PAGES.gridVisit}?communityId=${encodeURIComponent(communityId)}&memberId=${encodeURIComponent(memberId)}&name=${encodeURIComponent(person.name)}`,
    });
  return (
    <>
      <PersonRow person={person} onOpen={record} />
      <Button className="grid__action" type="primary" size="large" block onClick={record}>
        记录探访
      </Button>
      <Contacts card={card.data} />
      <Visits card={card.data} />
    </>
  );
}

/** 住户卡片: who, how to reach them or their family, and every visit so far. */
export default function GridPersonPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <GridGate>
        {(communityId) => <Card communityId={params.communityId || communityId} memberId={params.memberId ?? ''} />}
      </GridGate>
    </PageShell>
  );
}
