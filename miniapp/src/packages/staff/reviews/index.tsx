import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { addressOf, MemberCard } from '../../../components/member-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { useApplicationQueue, useDecideApplication, type Application, type Decision } from '../../../hooks/use-staff';
import { daysSince, formatShanghai } from '../../../utils/time';
import { RejectForm } from '../components/reject-form';
import { APPLICATION_REJECT_TEMPLATES } from '../components/reply-templates';
import { StaffGate } from '../components/staff-gate';
import { StatusFilter } from '../components/status-filter';
import '../components/staff.css';

const FILTERS = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
] as const;

type Filter = (typeof FILTERS)[number]['value'];

function ApplicationItem({
  application,
  deciding,
  onApprove,
  onReject,
}: {
  application: Application;
  deciding: boolean;
  onApprove: () => void;
  onReject: (reason: string) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  const pending = application.status === 'pending';
  return (
    <MemberCard
      member={application}
      showCommunity={false}
      badge={
        pending ? (
          <StatusTag tone="waiting">待审核</StatusTag>
        ) : application.status === 'approved' ? (
          <StatusTag tone="ok">已通过</StatusTag>
        ) : (
          <StatusTag tone="bad">已驳回</StatusTag>
        )
      }
    >
      <Text className="staff__text linli-muted">提交于 {formatShanghai(application.createdAt)}</Text>
      {application.overdue ? (
        <Text className="staff__overdue">已等待 {daysSince(application.createdAt)} 天，超过 3 天，请尽快处理</Text>
      ) : null}
      {application.decidedAt ? (
        <Text className="staff__decided">
          处理于 {formatShanghai(application.decidedAt)}
          {application.reason ? `，原因：${application.reason}` : ''}
        </Text>
      ) : null}
      {pending && !rejecting ? (
        <View className="staff__buttons">
          <Button className="staff__button" size="large" onClick={() => setRejecting(true)}>
            驳回
          </Button>
          <Button className="staff__button" type="primary" size="large" loading={deciding} onClick={onApprove}>
            通过
          </Button>
        </View>
      ) : null}
      {pending && rejecting ? (
        <RejectForm
          templates={APPLICATION_REJECT_TEMPLATES}
          pending={deciding}
          onCancel={() => setRejecting(false)}
          onSubmit={onReject}
        />
      ) : null}
    </MemberCard>
  );
}

function Reviews({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<Filter>('pending');
  const queue = useApplicationQueue(communityId, status);
  const decide = useDecideApplication(communityId);
  const [decidingId, setDecidingId] = useState<string>();
  useDidShow(() => queue.reload());

  const run = async (application: Application, decision: Decision) => {
    setDecidingId(application.applicationId);
    const done = await decide.submit({ applicationId: application.applicationId, decision });
    setDecidingId(undefined);
    if (!done) {
      queue.reload(); // ALREADY_DECIDED: someone else got there first; show the queue as it is
      return;
    }
    void Taro.showToast({
      title: decision.decision === 'approve' ? `已通过${application.realName}的认证` : '已驳回',
      icon: 'none',
      duration: 2000,
    });
    queue.reload();
  };

  const approve = async (application: Application) => {
    const { confirm } = await Taro.showModal({
      title: '通过认证',
      content: `确认${application.realName}住在${addressOf(application)}？通过后TA将成为认证居民。`,
      confirmText: '通过',
    });
    if (confirm) await run(application, { decision: 'approve' });
  };

  const items = queue.data?.items;
  return (
    <>
      <Text className="staff__intro linli-muted">最早提交的排在最前，超过 3 天未处理的会标红。</Text>
      <StatusFilter choices={FILTERS} value={status} onChange={setStatus} />
      {items ? (
        items.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>{status === 'pending' ? '没有待审核的申请' : '没有记录'}</Text>
          </View>
        ) : (
          items.map((application) => (
            <ApplicationItem
              key={application.applicationId}
              application={application}
              deciding={decidingId === application.applicationId}
              onApprove={() => void approve(application)}
              onReject={(reason) => void run(application, { decision: 'reject', reason })}
            />
          ))
        )
      ) : (
        <RequestStatus what="申请列表" loading={queue.loading} error={queue.error} onRetry={queue.reload} />
      )}
    </>
  );
}

/** 居民认证审核: applications oldest first; approve, or reject with a reason the resident reads. */
export default function StaffReviewsPage() {
  return (
    <PageShell className="reviews">
      <StaffGate>{(communityId) => <Reviews communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
