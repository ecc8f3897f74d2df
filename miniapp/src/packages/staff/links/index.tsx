import { Text } from '@tarojs/components';
import { isOverdue } from '@linli/shared/domain/identity/decisions';
import { useState } from 'react';
import { MemberCard } from '../../../components/member-card';
import { PageShell } from '../../../components/page-shell';
import { useDecideLink, useLinkQueue, type DependentLink } from '../../../hooks/use-staff';
import { LINK_REJECT_TEMPLATES } from '../components/reply-templates';
import {
  DecisionButtons,
  QueueItemTimes,
  QueueStatusTag,
  ReviewQueue,
  useQueueDecision,
} from '../components/review-queue';
import { StaffGate } from '../components/staff-gate';
import '../components/staff.css';

const FILTERS = [
  { value: 'pending', label: '待确认' },
  { value: 'active', label: '已绑定' },
  { value: 'rejected', label: '已驳回' },
] as const;

type Filter = (typeof FILTERS)[number]['value'];

function LinkItem({
  link,
  deciding,
  onApprove,
  onReject,
}: {
  link: DependentLink;
  deciding: boolean;
  onApprove: () => void;
  onReject: (reason: string) => void;
}) {
  const pending = link.status === 'pending';
  return (
    <MemberCard
      member={link.dependent}
      showCommunity={false}
      badge={<QueueStatusTag filters={FILTERS} status={link.status} />}
    >
      <Text className="staff__text">
        申请人：{link.caregiverName}（老人是TA的{link.relation}）
      </Text>
      {link.dependent.status === 'pending' ? (
        <Text className="staff__text">这位老人由申请人新登记，确认绑定后一并建档</Text>
      ) : null}
      {link.dependent.hasWeChat ? null : <Text className="staff__text linli-muted">老人未使用微信</Text>}
      <QueueItemTimes
        createdAt={link.createdAt}
        overdue={pending && isOverdue(link.createdAt)}
        decidedAt={link.decidedAt}
        reason={link.reason}
      />
      <DecisionButtons
        pending={pending}
        deciding={deciding}
        approveLabel="确认绑定"
        rejectTemplates={LINK_REJECT_TEMPLATES}
        onApprove={onApprove}
        onReject={onReject}
      />
    </MemberCard>
  );
}

function Links({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<Filter>('pending');
  const queue = useLinkQueue(communityId, status);
  const decideLink = useDecideLink(communityId);
  const { isDeciding, approve, reject } = useQueueDecision<DependentLink>({
    idOf: (link) => link.linkId,
    send: (link, decision) => decideLink.submit({ linkId: link.linkId, decision }),
    approvedToast: () => '已确认绑定',
    confirmApproval: (link) => ({
      title: '确认绑定',
      content: `确认${link.caregiverName}可以为${link.dependent.realName}（${link.dependent.age}岁）代办社区事务？`,
      confirmText: '确认',
    }),
    reload: queue.reload,
  });

  return (
    <ReviewQueue
      intro="请核实申请人与老人的亲属关系，必要时电话联系老人本人。"
      filters={FILTERS}
      status={status}
      onStatus={setStatus}
      queue={queue}
      what="绑定申请"
      emptyPending="没有待确认的绑定"
      renderItem={(link) => (
        <LinkItem
          key={link.linkId}
          link={link}
          deciding={isDeciding(link)}
          onApprove={() => void approve(link)}
          onReject={(reason) => void reject(link, reason)}
        />
      )}
    />
  );
}

/** 代办绑定确认: a resident asks to act for an elder of their household; staff confirm or reject. */
export default function StaffLinksPage() {
  return (
    <PageShell className="links">
      <StaffGate>{(communityId) => <Links communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
