import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState, type ReactNode } from 'react';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import type { RequestState } from '../../../hooks/use-request';
import type { Decision, ReviewStatus } from '../../../hooks/use-staff';
import { daysSince, formatShanghai } from '../../../utils/time';
import { RejectForm } from './reject-form';
import { StatusFilter } from './status-filter';

export type QueueFilters<S extends string> = readonly { value: S; label: string }[];

/** The item's state as the filter names it; anything neither pending nor rejected is the approved state. */
export function QueueStatusTag<S extends string>({ filters, status }: { filters: QueueFilters<S>; status: S }) {
  const label = filters.find((filter) => filter.value === status)?.label;
  const tone = status === 'pending' ? 'waiting' : status === 'rejected' ? 'bad' : 'ok';
  return <StatusTag tone={tone}>{label ?? status}</StatusTag>;
}

/** When it was submitted, whether it has waited too long, and how it was decided. */
export function QueueItemTimes({
  createdAt,
  overdue,
  decidedAt,
  reason,
}: {
  createdAt: string;
  overdue: boolean;
  decidedAt?: string | null;
  reason?: string | null;
}) {
  return (
    <>
      <Text className="staff__text linli-muted">提交于 {formatShanghai(createdAt)}</Text>
      {overdue ? <Text className="staff__overdue">已等待 {daysSince(createdAt)} 天，超过 3 天，请尽快处理</Text> : null}
      {decidedAt ? (
        <Text className="staff__decided">
          处理于 {formatShanghai(decidedAt)}
          {reason ? `，原因：${reason}` : ''}
        </Text>
      ) : null}
    </>
  );
}

/** 驳回 / approve buttons of a pending item; 驳回 opens the reason form in their place. */
export function DecisionButtons({
  pending,
  deciding,
  approveLabel,
  rejectTemplates,
  onApprove,
  onReject,
}: {
  pending: boolean;
  deciding: boolean;
  approveLabel: string;
  rejectTemplates: readonly string[];
  onApprove: () => void;
  onReject: (reason: string) => void;
}) {
  const [rejecting, setRejecting] = useState(false);
  if (!pending) return null;
  if (rejecting) {
    return (
      <RejectForm
        templates={rejectTemplates}
        pending={deciding}
        onCancel={() => setRejecting(false)}
        onSubmit={onReject}
      />
    );
  }
  return (
    <View className="staff__buttons">
      <Button className="staff__button" size="large" onClick={() => setRejecting(true)}>
        驳回
      </Button>
      <Button className="staff__button" type="primary" size="large" loading={deciding} onClick={onApprove}>
        {approveLabel}
      </Button>
    </View>
  );
}

/** What staff are asked before an approval goes out. */
export interface ApprovalQuestion {
  title: string;
  content: string;
  confirmText: string;
}

/**
 * Sends one decision at a time and reloads the queue either way:
 * when it fails (ALREADY_DECIDED) someone else got there first, so show the queue as it is.
 * An approval is sent only after staff confirm the question `confirmApproval` asks about the item.
 */
export function useQueueDecision<T>({
  idOf,
  send,
  approvedToast,
  confirmApproval,
  reload,
}: {
  idOf: (item: T) => string;
  send: (item: T, decision: Decision) => Promise<unknown>;
  approvedToast: (item: T) => string;
  confirmApproval: (item: T) => ApprovalQuestion;
  reload: () => void;
}) {
  const [decidingId, setDecidingId] = useState<string>();
  const decide = async (item: T, decision: Decision) => {
    setDecidingId(idOf(item));
    const done = await send(item, decision);
    setDecidingId(undefined);
    if (done) {
      void Taro.showToast({
        title: decision.decision === 'approve' ? approvedToast(item) : '已驳回',
        icon: 'none',
        duration: 2000,
      });
    }
    reload();
  };
  const approve = async (item: T) => {
    const { confirm } = await Taro.showModal(confirmApproval(item));
    if (confirm) await decide(item, { decision: 'approve' });
  };
  const reject = (item: T, reason: string) => decide(item, { decision: 'reject', reason });
  return { isDeciding: (item: T) => decidingId === idOf(item), approve, reject };
}

/** A staff review queue: intro, status filter, then the items or why there are none. */
export function ReviewQueue<S extends ReviewStatus, T>({
  intro,
  filters,
  status,
  onStatus,
  queue,
  what,
  emptyPending,
  renderItem,
}: {
  intro: string;
  filters: QueueFilters<S>;
  status: S;
  onStatus: (status: S) => void;
  queue: RequestState<{ items: T[] }>;
  /** What the queue holds, for the loading and error messages. */
  what: string;
  emptyPending: string;
  renderItem: (item: T) => ReactNode;
}) {
  useDidShow(() => queue.reload());
  const items = queue.data?.items;
  return (
    <>
      <Text className="staff__intro linli-muted">{intro}</Text>
      <StatusFilter choices={filters} value={status} onChange={onStatus} />
      {items ? (
        items.length === 0 ? (
          <View className="linli-card staff__empty">
            <Text>{status === 'pending' ? emptyPending : '没有记录'}</Text>
          </View>
        ) : (
          items.map(renderItem)
        )
      ) : (
        <RequestStatus what={what} loading={queue.loading} error={queue.error} onRetry={queue.reload} />
      )}
    </>
  );
}
