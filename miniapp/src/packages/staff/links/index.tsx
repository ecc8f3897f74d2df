import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { isOverdue } from '@linli/shared/domain/identity/decisions';
import { useState } from 'react';
import { MemberCard } from '../../../components/member-card';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { useDecideLink, useLinkQueue, type Decision, type DependentLink } from '../../../hooks/use-staff';
import { daysSince, formatShanghai } from '../../../utils/time';
import { RejectForm } from '../components/reject-form';
import { LINK_REJECT_TEMPLATES } from '../components/reply-templates';
import { StaffGate } from '../components/staff-gate';
import { StatusFilter } from '../components/status-filter';
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
  const [rejecting, setRejecting] = useState(false);
  const pending = link.status === 'pending';
  return (
    <MemberCard
      member={link.dependent}
      showCommunity={false}
      badge={
        pending ? (
          <StatusTag tone="waiting">待确认</StatusTag>
        ) : link.status === 'active' ? (
          <StatusTag tone="ok">已绑定</StatusTag>
        ) : (
          <StatusTag tone="bad">已驳回</StatusTag>
        )
      }
    >
      <Text className="staff__text">
        申请人：{link.caregiverName}（老人是TA的{link.relation}）
      </Text>
      {link.dependent.status === 'pending' ? (
        <Text className="staff__text">这位老人由申请人新登记，确认绑定后一并建档</Text>
      ) : null}
      {link.dependent.hasWeChat ? null : <Text className="staff__text linli-muted">老人未使用微信</Text>}
      <Text className="staff__text linli-muted">提交于 {formatShanghai(link.createdAt)}</Text>
      {pending && isOverdue(link.createdAt) ? (
        <Text className="staff__overdue">已等待 {daysSince(link.createdAt)} 天，超过 3 天，请尽快处理</Text>
      ) : null}
      {link.decidedAt ? (
        <Text className="staff__decided">
          处理于 {formatShanghai(link.decidedAt)}
          {link.reason ? `，原因：${link.reason}` : ''}
        </Text>
      ) : null}
      {pending && !rejecting ? (
        <View className="staff__buttons">
          <Button className="staff__button" size="large" onClick={() => setRejecting(true)}>
            驳回
          </Button>
          <Button className="staff__button" type="primary" size="large" loading={deciding} onClick={onApprove}>
            确认绑定
          </Button>
        </View>
      ) : null}
      {pending && rejecting ? (
        <RejectForm
          templates={LINK_REJECT_TEMPLATES}
          pending={deciding}
          onCancel={() => setRejecting(false)}
          onSubmit={onReject}
        />
      ) : null}
    </MemberCard>
  );
}

function Links({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<Filter>('pending');
  const queue = useLinkQueue(communityId, status);
  const decide = useDecideLink(communityId);
  const [decidingId, setDecidingId] = useState<string>();
  useDidShow(() => queue.reload());

  const run = async (link: DependentLink, decision: Decision) => {
    setDecidingId(link.linkId);
    const done = await decide.submit({ linkId: link.linkId, decision });
    setDecidingId(undefined);
    if (done) {
      void Taro.showToast({
        title: decision.decision === 'approve' ? '已确认绑定' : '已驳回',
        icon: 'none',
        duration: 2000,
      });
    }
    queue.reload();
  };

  const approve = async (link: DependentLink) => {
    const { confirm } = await Taro.showModal({
      title: '确认绑定',
      content: `确认${link.caregiverName}可以为${link.dependent.realName}（${link.dependent.age}岁）代办社区事务？`,
      confirmText: '确认',
    });
    if (confirm) await run(link, { decision: 'approve' });
  };

  const items = queue.data?.items;
  return (
    <>
      <Text className="staff__intro linli-muted">请核实申请人与老人的亲属关系，必要时电话联系老人本人。</Text>
      <StatusFilter choices={FILTERS} value={status} onChange={setStatus} />
      {items ? (
        items.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>{status === 'pending' ? '没有待确认的绑定' : '没有记录'}</Text>
          </View>
        ) : (
          items.map((link) => (
            <LinkItem
              key={link.linkId}
              link={link}
              deciding={decidingId === link.linkId}
              onApprove={() => void approve(link)}
              onReject={(reason) => void run(link, { decision: 'reject', reason })}
            />
          ))
        )
      ) : (
        <RequestStatus what="绑定申请" loading={queue.loading} error={queue.error} onRetry={queue.reload} />
      )}
    </>
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
