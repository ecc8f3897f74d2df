import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { links } from '@linli/shared/domain/notify/links';
import { useState } from 'react';
import { ChoiceChips } from '../../../components/choice-chips';
import { EntryCard } from '../../../components/entry-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { WishCard } from '../../../components/wish-card';
import { SUB_PAGES } from '../../../constants';
import { useWishQueue, type QueueStatus } from '../../../hooks/use-care';
import { StaffGate } from '../components/staff-gate';
import '../components/staff.css';

const STATUSES: { value: QueueStatus; label: string }[] = [
  { value: 'pending_review', label: '待审核' },
  { value: 'open', label: '待认领' },
  { value: 'claimed', label: '已认领' },
  { value: 'delivered', label: '已送达' },
  { value: 'fulfilled', label: '已圆梦' },
];

const open = (url: string) => () => void Taro.navigateTo({ url });

function Queue({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<QueueStatus>('pending_review');
  const queue = useWishQueue(communityId, status);
  const rows = queue.data?.rows;
  return (
    <>
      <View className="staff__filter">
        <ChoiceChips label="按状态查看" choices={STATUSES} value={status} onChange={setStatus} />
      </View>
      {!rows ? (
        <RequestStatus what="心愿" loading={queue.loading} error={queue.error} onRetry={queue.reload} />
      ) : rows.length === 0 ? (
        <View className="linli-card staff__empty">
          <Text>没有{STATUSES.find((s) => s.value === status)?.label}的心愿</Text>
        </View>
      ) : (
        rows.map(({ wish, waitingDays, overdue }) => (
          <WishCard key={wish.wishId} wish={wish} onOpen={open(links.careWish(communityId, wish.wishId))}>
            <Text className="staff__text">
              {status === 'pending_review' ? `已等待 ${waitingDays} 天` : `在此状态 ${waitingDays} 天`}
            </Text>
            {overdue ? <Text className="staff__overdue">超期未送达</Text> : null}
            {status === 'pending_review' ? (
              <Button
                className="staff__action"
                type="primary"
                size="large"
                block
                onClick={open(`${SUB_PAGES.staffCareReview}?wishId=${wish.wishId}`)}
              >
                审核
              </Button>
            ) : null}
          </WishCard>
        ))
      )}
    </>
  );
}

/** 微心愿办理: the queue by state (优先对象在前) and the way to the overview, partner units, tags and settings. */
export default function StaffCarePage() {
  return (
    <PageShell className="staff-care">
      <StaffGate>
        {(communityId) => (
          <>
            <EntryCard
              icon="figures"
              title="心愿总览"
              description="待认领、已认领、超期，认领人和共建单位的年度数字"
              onOpen={open(SUB_PAGES.staffCareOverview)}
            />
            <EntryCard
              icon="register"
              title="代居民许心愿"
              description="替不用微信的老人登记心愿"
              onOpen={open(SUB_PAGES.staffCarePostFor)}
            />
            <EntryCard
              icon="partner"
              title="共建单位"
              description="登记单位，把邀请码交给经办人"
              onOpen={open(SUB_PAGES.staffCarePartners)}
            />
            <EntryCard
              icon="members"
              title="关怀标签"
              description="独居、高龄、低保、残疾：这些居民的心愿优先"
              onOpen={open(SUB_PAGES.staffCareTags)}
            />
            <EntryCard
              icon="setting"
              title="微心愿设置"
              description="超期天数、志愿者圆梦积分"
              onOpen={open(SUB_PAGES.staffCareSettings)}
            />
            <Text className="linli-section-title">心愿办理</Text>
            <Queue communityId={communityId} />
          </>
        )}
      </StaffGate>
    </PageShell>
  );
}
