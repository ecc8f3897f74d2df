import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { PageShell } from '../../../components/page-shell';
import { QrCode } from '../../../components/qr-code';
import { RequestStatus } from '../../../components/request-status';
import { TextField } from '../../../components/text-field';
import { useMe } from '../../../hooks/use-me';
import type { ApiError } from '../../../services/api';
import {
  offerText,
  redemptionStatus,
  useCreateRedemptionCode,
  useMerchants,
  yuan,
  type Offer,
  type Receipt,
  type RedemptionCode,
} from '../../../hooks/use-points';
import { formatShanghai } from '../../../utils/time';
import '../points.css';
import { CONSENT_FOR_TAP } from '@linli/shared/contract/notify';
import { askConsent } from '../../../services/subscribe';

/** A new code this long before the old one expires (codes live 60 s). */
const REFRESH_BEFORE_MS = 10_000;
const POLL_MS = 2_000;

export function ReceiptCard({ receipt }: { receipt: Receipt }) {
  return (
    <View className="linli-card pts__receipt" aria-label="兑换凭证">
      <Text className="pts__title">✓ 兑换成功</Text>
      <Text className="pts__text">
        {receipt.merchantName} · {receipt.offerTitle}
      </Text>
      <Text className="pts__text">
        使用 {receipt.points} 积分{receipt.deductionFen ? `，抵 ${yuan(receipt.deductionFen)}` : ''}
      </Text>
      <Text className="pts__text linli-muted">
        {receipt.maskedName} · {formatShanghai(receipt.redeemedAt)}
      </Text>
    </View>
  );
}

/** The one-time code on screen: a new one every ~50 s with a countdown, until the merchant confirms. */
export function LiveCode({
  communityId,
  request,
  error,
}: {
  communityId: string;
  request: () => Promise<RedemptionCode | undefined>;
  error: ApiError | undefined;
}) {
  const [code, setCode] = useState<RedemptionCode>();
  const [receipt, setReceipt] = useState<Receipt>();
  const [now, setNow] = useState(Date.now());
  const requestRef = useRef(request);
  requestRef.current = request;

  useEffect(() => {
    void requestRef.current().then(setCode);
  }, []);

  useEffect(() => {
    if (receipt) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [receipt]);

  useEffect(() => {
    if (!code || receipt) return;
    if (Date.parse(code.expiresAt) - now <= REFRESH_BEFORE_MS)
      void requestRef.current().then((next) => next && setCode(next));
  }, [code, now, receipt]);

  useEffect(() => {
    if (!code || receipt) return undefined;
    const timer = setInterval(() => {
      void redemptionStatus(communityId, code.codeId).then(
        (status) => status.receipt && setReceipt(status.receipt),
        () => undefined,
      );
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [code, receipt, communityId]);

  if (receipt) return <ReceiptCard receipt={receipt} />;
  if (!code)
    return (
      <RequestStatus
        what="兑换码"
        loading={!error}
        error={error}
        onRetry={() => void requestRef.current().then(setCode)}
      />
    );
  const seconds = Math.max(0, Math.ceil((Date.parse(code.expiresAt) - now) / 1000));
  return (
    <View className="linli-card" aria-label="兑换码">
      <Text className="pts__title">请商户扫码确认</Text>
      <Text className="pts__text">
        {code.merchantName} · {code.offerTitle} · {code.points} 积分
        {code.deductionFen ? `（抵 ${yuan(code.deductionFen)}）` : ''}
      </Text>
      <View className="pts__qr">
        <QrCode text={code.code} label="一次性兑换二维码" />
      </View>
      <Text className="pts__countdown">{seconds} 秒后自动刷新</Text>
      <Text className="pts__text">商户扫不出来时，请把下面6位码念给商户输入：</Text>
      <Text className="pts__short-code" aria-label="兑换码文字">
        {code.shortCode}
      </Text>
    </View>
  );
}

function Redeem({ communityId, merchantId, offerId }: { communityId: string; merchantId: string; offerId: string }) {
  const merchants = useMerchants(communityId);
  const create = useCreateRedemptionCode(communityId);
  const [amount, setAmount] = useState('');
  const [started, setStarted] = useState<{ orderFen?: number }>();
  const merchant = merchants.data?.merchants.find((m) => m.merchantId === merchantId);
  const offer: Offer | undefined = merchant?.agreement?.offers.find((o) => o.offerId === offerId);
  if (!merchants.data)
    return (
      <RequestStatus what="兑换项目" loading={merchants.loading} error={merchants.error} onRetry={merchants.reload} />
    );
  if (!merchant || !offer) return <Text className="linli-muted">找不到这个兑换项目</Text>;

  if (started) {
    return (
      <LiveCode
        communityId={communityId}
        request={() => create.submit({ merchantId, offerId, orderFen: started.orderFen })}
        error={create.error}
      />
    );
  }
  const orderFen = Math.round(Number(amount) * 100);
  return (
    <View className="linli-card">
      <Text className="pts__title">{merchant.name}</Text>
      <Text className="pts__text">{offerText(offer)}</Text>
      {offer.kind === 'discount' ? (
        <>
          <Text className="pts__text">本单消费金额（元）</Text>
          <TextField label="消费金额" type="number" value={amount} placeholder="如 35" onInput={setAmount} />
        </>
      ) : null}
      <Button
        className="pts__action"
        type="primary"
        size="large"
        block
        disabled={offer.kind === 'discount' && !(orderFen > 0)}
        onClick={() =>
          void askConsent(CONSENT_FOR_TAP.redeeming).then(() =>
            setStarted(offer.kind === 'discount' ? { orderFen } : {}),
          )
        }
      >
        出示兑换码
      </Button>
    </View>
  );
}

/** 积分兑换: a one-time QR for an offer; the receipt appears once the merchant confirms. */
export default function PointsRedeemPage() {
  const { params } = useRouter();
  const { me } = useMe();
  const communityId = me?.grants.find((g) => g.role === 'volunteer')?.communityId;
  return (
    <PageShell className="points-redeem">
      {communityId ? (
        <Redeem communityId={communityId} merchantId={params.merchantId ?? ''} offerId={params.offerId ?? ''} />
      ) : null}
    </PageShell>
  );
}
