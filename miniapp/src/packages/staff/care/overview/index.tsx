import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { CLAIMER_KIND_LABELS, claimerLabel } from '../../../../components/wish-card/labels';
import { useWishOverview, type WishOverview } from '../../../../hooks/use-care';
import { formatShanghai } from '../../../../utils/time';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import './overview.css';

function Figures({ counts }: { counts: WishOverview['counts'] }) {
  const figures = [
    { label: '待审核', value: counts.pending_review },
    { label: '待认领', value: counts.open },
    { label: '已认领', value: counts.claimed },
    { label: '已送达', value: counts.delivered },
    { label: '已圆梦', value: counts.fulfilled },
  ];
  return (
    <View className="linli-card care-overview__figures" aria-label="各状态的心愿数">
      {figures.map((f) => (
        <View key={f.label} className="care-overview__figure">
          <Text className="care-overview__value">{f.value}</Text>
          <Text className="linli-muted">{f.label}（个）</Text>
        </View>
      ))}
    </View>
  );
}

function Overview({ communityId }: { communityId: string }) {
  const thisYear = String(new Date().getFullYear());
  const [year, setYear] = useState(thisYear);
  const overview = useWishOverview(communityId, year);
  const data = overview.data;
  if (!data)
    return (
      <RequestStatus what="心愿总览" loading={overview.loading} error={overview.error} onRetry={overview.reload} />
    );
  const partners = data.claimers.filter((c) => c.kind === 'partner');
  const people = data.claimers.filter((c) => c.kind !== 'partner');
  const total = (list: typeof data.claimers, key: 'claimed' | 'fulfilled') => list.reduce((n, c) => n + c[key], 0);
  return (
    <>
      <Text className="linli-section-title">各状态的心愿</Text>
      <Figures counts={data.counts} />
      <Text className="linli-section-title">超期未送达（认领超过 {data.overdueDays} 天）</Text>
      <View className="linli-card">
        {data.overdue.length === 0 ? <Text className="staff__text">没有超期的心愿</Text> : null}
        {data.overdue.map(({ wish, waitingDays }) => (
          <View
            key={wish.wishId}
            className="care-overview__row"
            role="link"
            onClick={() => void Taro.navigateTo({ url: links.careWish(communityId, wish.wishId) })}
          >
            <Text className="staff__text">{wish.text}</Text>
            <Text className="staff__text linli-muted">
              {wish.claimer ? claimerLabel(wish.claimer) : ''} · 认领于{' '}
              {wish.claimedAt ? formatShanghai(wish.claimedAt) : ''}
              ，已 {waitingDays} 天
            </Text>
          </View>
        ))}
      </View>
      <Text className="linli-section-title">{data.year} 年共建单位</Text>
      <View className="linli-card" aria-label={`${data.year} 年共建单位认领和圆梦数`}>
        {partners.length === 0 ? <Text className="staff__text">这一年还没有共建单位认领</Text> : null}
        {partners.map((c) => (
          <View key={c.claimerId} className="care-overview__row">
            <Text className="staff__title">{c.name}</Text>
            <Text className="staff__text">
              认领 {c.claimed} 个 · 圆梦 {c.fulfilled} 个
            </Text>
          </View>
        ))}
        {partners.length > 1 ? (
          <Text className="staff__text linli-muted">
            合计：认领 {total(partners, 'claimed')} 个，圆梦 {total(partners, 'fulfilled')} 个
          </Text>
        ) : null}
      </View>
      <Text className="linli-section-title">{data.year} 年志愿者和邻居</Text>
      <View className="linli-card">
        {people.length === 0 ? <Text className="staff__text">这一年还没有个人认领</Text> : null}
        {people.map((c) => (
          <View key={`${c.kind}-${c.claimerId}`} className="care-overview__row">
            <Text className="staff__text">
              {CLAIMER_KIND_LABELS[c.kind]} {c.name}：认领 {c.claimed} 个 · 圆梦 {c.fulfilled} 个
            </Text>
          </View>
        ))}
      </View>
      <Button className="staff__action" size="large" block onClick={() => setYear(String(Number(data.year) - 1))}>
        看 {Number(data.year) - 1} 年
      </Button>
      {year !== thisYear ? (
        <Button className="staff__action" size="large" block onClick={() => setYear(thisYear)}>
          回到 {thisYear} 年
        </Button>
      ) : null}
    </>
  );
}

/** 心愿总览: how many wishes stand where, which claims are overdue, and the year's figures per partner unit and person. */
export default function CareOverviewPage() {
  return (
    <PageShell className="staff-care-overview">
      <StaffGate>{(communityId) => <Overview communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
