import { Text, View } from '@tarojs/components';
import type { WishDetail } from '../../hooks/use-care';
import { formatShanghai } from '../../utils/time';
import { WISH_STATUS_LABELS } from './labels';
import './index.css';

const BY_ROLE = {
  resident: '居民',
  caregiver: '家属代办',
  staff: '社区工作人员',
  volunteer: '志愿者',
  partner: '共建单位',
} as const;

/** Every step of a wish: what changed, when, by whom, and the note; the last one is where it stands. */
export function WishTimeline({ entries }: { entries: WishDetail['timeline'] }) {
  return (
    <View className="linli-card" aria-label="心愿进程">
      <Text className="wish-card__title">心愿进程</Text>
      {entries.map((e, i) => (
        <View
          key={e.seq}
          className={`wish-timeline__entry${i === entries.length - 1 ? ' wish-timeline__entry--last' : ''}`}
        >
          <Text className="wish-timeline__step">
            {e.from ? `${WISH_STATUS_LABELS[e.from]} → ${WISH_STATUS_LABELS[e.to]}` : '许下心愿'}
          </Text>
          <Text className="wish-timeline__line linli-muted">
            {formatShanghai(e.at)} · {e.byName}（{BY_ROLE[e.byRole]}）
          </Text>
          {e.note ? <Text className="wish-timeline__line">{e.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
