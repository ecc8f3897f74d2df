import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CodeScanner } from '../../../components/code-scanner';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { TextField } from '../../../components/text-field';
import { useMe } from '../../../hooks/use-me';
import {
  useBindMerchant,
  useConfirmRedemption,
  useMonthRedemptions,
  usePreviewRedemption,
  yuan,
  type Preview,
  type Receipt,
} from '../../../hooks/use-points';
import { formatShanghai } from '../../../utils/time';
import './index.css';

function Bind() {
  const [code, setCode] = useState('');
  const bind = useBindMerchant();
  const [bound, setBound] = useState<string>();
  return (
    <View className="linli-card">
      <Text className="merchant__title">绑定爱心商户</Text>
      <Text className="merchant__text linli-muted">输入社区发给本店的邀请码，绑定后即可在这里为志愿者核销积分。</Text>
      <TextField label="邀请码" value={code} maxlength={20} placeholder="8 位邀请码" onInput={setCode} />
      <Button
        className="merchant__action"
        type="primary"
        size="large"
        block
        loading={bind.pending}
        onClick={() => void bind.submit(code.trim()).then((r) => r && setBound(r.merchantName))}
      >
        绑定商户
      </Button>
      {bound ? <Text className="merchant__text">✓ 已绑定：{bound}</Text> : null}
    </View>
  );
}

function ReceiptView({ receipt }: { receipt: Receipt }) {
  return (
    <View className="linli-card merchant__receipt" aria-label="兑换凭证">
      <Text className="merchant__title">✓ 兑换成功</Text>
      <Text className="merchant__text">
        {receipt.maskedName} · {receipt.offerTitle}
      </Text>
      <Text className="merchant__text">
        收取 {receipt.points} 积分{receipt.deductionFen ? `，抵 ${yuan(receipt.deductionFen)}` : ''}
      </Text>
      <Text className="merchant__text linli-muted">{formatShanghai(receipt.redeemedAt)}</Text>
    </View>
  );
}

function Redeem({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const preview = usePreviewRedemption(communityId);
  const confirm = useConfirmRedemption(communityId);
  const [pending, setPending] = useState<{ code: string; preview: Preview }>();
  const [receipt, setReceipt] = useState<Receipt>();
  const error = pending ? confirm.error : preview.error;

  return (
    <>
      {receipt ? <ReceiptView receipt={receipt} /> : null}
      {pending ? (
        <View className="linli-card" aria-label="待确认的兑换">
          <Text className="merchant__title">请核对</Text>
          <Text className="merchant__text">志愿者：{pending.preview.maskedName}</Text>
          <Text className="merchant__text">项目：{pending.preview.offerTitle}</Text>
          <Text className="merchant__text">
            积分：{pending.preview.points}
            {pending.preview.deductionFen ? `（抵 ${yuan(pending.preview.deductionFen)}）` : ''}
          </Text>
          <Button
            className="merchant__action"
            type="primary"
            size="large"
            block
            loading={confirm.pending}
            onClick={() =>
              void confirm.submit(pending.code).then((r) => {
                if (!r) return;
                setReceipt(r);
                setPending(undefined);
                onDone();
              })
            }
          >
            确认兑换
          </Button>
          <Button className="merchant__action" size="large" block onClick={() => setPending(undefined)}>
            取消
          </Button>
        </View>
      ) : (
        <View className="linli-card">
          <Text className="merchant__title">核销积分</Text>
          <CodeScanner
            scanLabel="扫描兑换码"
            typeLabel="输入兑换码"
            submitLabel="查看兑换"
            pending={preview.pending}
            onCode={(code) => {
              setReceipt(undefined);
              void preview.submit(code).then((p) => p && setPending({ code, preview: p }));
            }}
          />
        </View>
      )}
      {error ? (
        <Text className="merchant__error" aria-live="assertive">
          {error.message}
        </Text>
      ) : null}
    </>
  );
}

/** The month before a YYYY-MM month. */
function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function Statement({ communityId }: { communityId: string }) {
  const [month, setMonth] = useState<string>();
  const list = useMonthRedemptions(communityId, month);
  if (!list.data)
    return <RequestStatus what="兑换记录" loading={list.loading} error={list.error} onRetry={list.reload} />;
  const { merchant, statement, redemptions } = list.data;
  const shown = list.data.month;
  return (
    <>
      <Text className="linli-section-title">
        {merchant.name} · {shown.replace('-', '年')}月结单
      </Text>
      <View className="linli-card" aria-label="月结单">
        <Text className="merchant__text">
          兑换 {statement.count} 笔，共 {statement.points} 积分
          {statement.deductionFen ? `，抵扣 ${yuan(statement.deductionFen)}` : ''}
        </Text>
        {statement.monthlyCap ? (
          <Text className="merchant__text linli-muted">每月上限 {statement.monthlyCap} 积分</Text>
        ) : null}
        <Button className="merchant__action" size="large" block onClick={() => setMonth(monthBefore(shown))}>
          看上个月
        </Button>
        {month ? (
          <Button className="merchant__action" size="large" block onClick={() => setMonth(undefined)}>
            回到本月
          </Button>
        ) : null}
      </View>
      <View className="linli-card">
        {redemptions.length === 0 ? <Text className="linli-muted">本月还没有兑换</Text> : null}
        {redemptions.map((r) => (
          <View className="merchant__line" key={r.postingId}>
            <Text>
              {r.maskedName} · {r.offerTitle} · {r.points} 积分{r.reversed ? ' · 已冲正' : ''}
            </Text>
            <Text className="linli-muted">{formatShanghai(r.redeemedAt)}</Text>
          </View>
        ))}
      </View>
    </>
  );
}

function Operator({ communityId }: { communityId: string }) {
  const [generation, setGeneration] = useState(0);
  return (
    <>
      <Redeem communityId={communityId} onDone={() => setGeneration((n) => n + 1)} />
      <Statement key={generation} communityId={communityId} />
    </>
  );
}

/** 商户中心: bind the shop with the invite code; then scan a volunteer's code, confirm, and see the receipt and the month. */
export default function MerchantCenterPage() {
  const { me, signedIn, loading, error, reload } = useMe();
  const grant = me?.grants.find((g) => g.role === 'merchant' && g.communityId && g.merchantId);
  return (
    <PageShell className="merchant">
      {signedIn && !me ? <RequestStatus what="我的信息" loading={loading} error={error} onRetry={reload} /> : null}
      {me && !grant ? <Bind /> : null}
      {grant?.communityId ? <Operator communityId={grant.communityId} /> : null}
    </PageShell>
  );
}
