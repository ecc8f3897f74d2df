import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { PhotoView } from '../photo-view';
import { StatusTag } from '../status-tag';
import type { Wish } from '../../hooks/use-care';
import { formatShanghai } from '../../utils/time';
import { RECORDED_VIA_LABELS, WISH_STATUS_LABELS, claimerLabel, wishTone } from './labels';
import './index.css';

interface WishCardProps {
  wish: Wish;
  /** Opens the wish's page; the card is then a link named by the wish. */
  onOpen?: () => void;
}

/** One wish: what, for whom (as the viewer may see them), where it stands, and who claimed it. */
export function WishCard({ wish, onOpen, children }: PropsWithChildren<WishCardProps>) {
  return (
    <View className="linli-card wish-card" aria-label={`心愿：${wish.text}`}>
      <View className="wish-card__head">
        <StatusTag tone={wishTone(wish.status)}>{WISH_STATUS_LABELS[wish.status]}</StatusTag>
        {wish.priority ? <Text className="wish-card__priority">优先</Text> : null}
        <Text className="wish-card__category">{wish.category}</Text>
      </View>
      <View className="wish-card__body" onClick={onOpen} role={onOpen ? 'link' : undefined}>
        <Text className="wish-card__text">{wish.text}</Text>
        <Text className="wish-card__line">
          {wish.wisherName} · {wish.handover}
        </Text>
        {wish.offeredTo.kind === 'partner' ? (
          <Text className="wish-card__line">定向认领：{wish.offeredTo.partnerName ?? '共建单位'}</Text>
        ) : null}
        {wish.claimer ? <Text className="wish-card__line">认领：{claimerLabel(wish.claimer)}</Text> : null}
        {wish.recordedVia ? (
          <Text className="wish-card__line linli-muted">{RECORDED_VIA_LABELS[wish.recordedVia]}</Text>
        ) : null}
        <Text className="wish-card__line linli-muted">
          {wish.status === 'fulfilled' && wish.fulfilledAt
            ? `圆梦于 ${formatShanghai(wish.fulfilledAt)}`
            : `许愿于 ${formatShanghai(wish.createdAt)}`}
        </Text>
        {/* In a list the card shows the photo itself; the wish's page places its photos with the details. */}
        {onOpen ? <PhotoView photo={wish.photo} what="心愿照片" /> : null}
        {onOpen ? <Text className="wish-card__more">查看详情 ›</Text> : null}
      </View>
      {children}
    </View>
  );
}
