import type { Reply, Routes } from '@linli/shared/contract';
import { api } from '../services/api';
import { useRequest } from './use-request';

export type NotificationStats = Reply<Routes['notificationStats']>;
export type NotificationDay = NotificationStats['days'][number];

/** 消息发送情况: the community's last 7 days of in-app and WeChat deliveries, oldest first. */
export function useNotificationStats(communityId: string) {
  return useRequest<NotificationStats>(`notification-stats:${communityId}`, () =>
    api.call('notificationStats', { params: { communityId }, toast: false }),
  );
}
