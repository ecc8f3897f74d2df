import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { MealName } from '@linli/shared/contract/canteen';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { StatusTag } from '../../../../components/status-tag';
import { InputField } from '../../../../components/input-field';
import type { MenuRef } from '../../../../hooks/use-canteen-orders';
import { useCodeCheck } from '../../../../hooks/use-code-check';
import { useHandOver, useKitchen, type Kitchen } from '../../../../hooks/use-canteen-staff';
import { MEAL_LABELS, dayLabel, orderStatusLabel, orderTone, serviceState, yuanText } from '../../../../utils/canteen';
import { shanghaiClock } from '../../../../utils/session-time';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import '../components/canteen-staff.css';

type Order = Kitchen['deliveries'][number]['orders'][number];

/**
 * 取餐核销: scan the resident's QR code (WeChat) or type the 6-character 取餐码, while the meal is
 * served; outside that time staff write why, and the order keeps it.
 */
function HandOverPanel({ refs, menu, onDone }: { refs: MenuRef; menu: Kitchen['menu']; onDone: () => void }) {
  const handOver = useHandOver(refs);
  const [reason, setReason] = useState('');
  const state = serviceState(menu);
  const overrideReason = state.open ? undefined : reason.trim();
  const { code, setCode, last, canScan, submit, scan } = useCodeCheck<Order>(
    (typed) => handOver.submit({ code: typed, ...(overrideReason ? { overrideReason } : {}) }),
    onDone,
  );
  const window = `${shanghaiClock(state.opensAt)}–${shanghaiClock(state.closesAt)}`;

  return (
    <View className="linli-card">
      <Text className="staff__title">取餐核销</Text>
      {state.open ? (
        <Text className="staff__text linli-muted">核销时间 {window}</Text>
      ) : (
        <>
          <Text className="canteen-staff__error">
            {state.early ? `还没到取餐时间（${window}）` : `取餐时间已过（${window}）`}，确需核销请写明原因：
          </Text>
          <InputField
            label="时间外核销原因"
            value={reason}
            maxlength={100}
            placeholder="如：老人行动不便提前来取"
            onInput={setReason}
          />
        </>
      )}
      <Text className="staff__text linli-muted">
        {canScan ? '扫描居民的取餐二维码，或输入 6 位取餐码。' : '输入居民报的 6 位取餐码（字母不分大小写）。'}
      </Text>
      {canScan ? (
        <Button className="staff__action" type="primary" size="large" block onClick={() => void scan()}>
          扫码取餐
        </Button>
      ) : null}
      <View className="canteen-staff__check">
        <InputField label="取餐码" value={code} maxlength={6} placeholder="如 K7M2QX" onInput={setCode} />
        <Button
          type={canScan ? 'default' : 'primary'}
          size="large"
          loading={handOver.pending}
          onClick={() => void submit(code)}
        >
          核销
        </Button>
      </View>
      {last ? (
        <View className="canteen-staff__result" aria-live="polite">
          <Text className="canteen-staff__result-line">
            ✓ 已取餐：{last.memberName}（{last.lines.map((l) => `${l.name}×${l.quantity}`).join('、')}）
          </Text>
          <Text className="canteen-staff__collect" aria-label={`应收 ${yuanText(last.price.amountDueFen)}`}>
            应收 {yuanText(last.price.amountDueFen)}（到店付）
          </Text>
        </View>
      ) : null}
      {handOver.error ? (
        <Text className="canteen-staff__error" aria-live="assertive">
          {handOver.error.message}
        </Text>
      ) : null}
    </View>
  );
}

function KitchenView({ refs }: { refs: MenuRef }) {
  const kitchen = useKitchen(refs);
  const k = kitchen.data;
  if (!k)
    return <RequestStatus what="备餐信息" loading={kitchen.loading} error={kitchen.error} onRetry={kitchen.reload} />;
  return (
    <>
      <View className="linli-card">
        <Text className="staff__title">
          {dayLabel(k.menu.date)} {MEAL_LABELS[k.menu.meal]} · {k.menu.canteenName}
        </Text>
        <View className="canteen-staff__figures">
          {[
            ['到店取餐', k.orders.pickup],
            ['送餐上门', k.orders.delivery],
            ['已取餐', k.orders.handedOver],
            ['已取消', k.orders.cancelled],
          ].map(([label, value]) => (
            <View className="canteen-staff__figure" key={label} aria-label={`${label} ${value} 单`}>
              <Text className="canteen-staff__figure-value">{value}</Text>
              <Text className="linli-muted">{label}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="linli-card" role="list" aria-label="备餐统计">
        <Text className="staff__title">备餐统计（份）</Text>
        {k.tally.map((t) => (
          <View className="canteen-staff__table-row" key={t.dishId} role="listitem" aria-label={t.name}>
            <Text>{t.name}</Text>
            <Text>
              共 {t.ordered} · 自取 {t.pickup} · 送餐 {t.delivery} · 余 {t.left}
            </Text>
          </View>
        ))}
      </View>
      <HandOverPanel refs={refs} menu={k.menu} onDone={kitchen.reload} />
      <Text className="linli-section-title">送餐名单</Text>
      {k.deliveries.length === 0 ? (
        <View className="linli-card">
          <Text className="linli-muted">这一餐没有送餐订单</Text>
        </View>
      ) : (
        k.deliveries.map((g) => (
          <View
            className="linli-card"
            key={`${g.buildingName}${g.unitName}`}
            role="group"
            aria-label={`${g.buildingName}${g.unitName}`}
          >
            <Text className="staff__title">
              {g.buildingName} {g.unitName}
            </Text>
            {g.orders.map((o) => (
              <View className="canteen-staff__table-row" key={o.orderId}>
                <Text>
                  {o.address.room} {o.memberName} · {o.lines.map((l) => `${l.name}×${l.quantity}`).join('、')}
                </Text>
                <StatusTag tone={orderTone(o.status)}>{orderStatusLabel(o)}</StatusTag>
              </View>
            ))}
          </View>
        ))
      )}
    </>
  );
}

/** 后厨备餐: the tally per dish, pickup and delivery counts, pickup hand-over and the delivery list. */
export default function StaffCanteenKitchenPage() {
  const { params } = useRouter();
  return (
    <PageShell className="canteen-staff">
      <StaffGate>
        {(communityId) => (
          <KitchenView
            refs={{
              communityId,
              canteenId: params.canteenId ?? 'canteen-1',
              date: params.date ?? '',
              meal: (params.meal as MealName | undefined) ?? 'lunch',
            }}
          />
        )}
      </StaffGate>
    </PageShell>
  );
}
