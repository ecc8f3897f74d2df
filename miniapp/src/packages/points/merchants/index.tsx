import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/page-shell';
import { RequestStatus } from '../../../components/request-status';
import { StatusTag } from '../../../components/status-tag';
import { SUB_PAGES } from '../../../constants';
import { useMe } from '../../../hooks/use-me';
import { offerText, useMerchants } from '../../../hooks/use-points';
import '../points.css';

function Merchants({ communityId }: { communityId: string }) {
  const list = useMerchants(communityId);
  if (!list.data)
    return <RequestStatus what="爱心商户" loading={list.loading} error={list.error} onRetry={list.reload} />;
  return (
    <>
      {list.data.merchants.map((m) => (
        <View className="linli-card" key={m.merchantId} aria-label={`商户 ${m.name}`}>
          <View className="pts__row">
            <Text className="pts__title">{m.name}</Text>
            {m.active ? null : <StatusTag tone="neutral">暂停兑换</StatusTag>}
          </View>
          <Text className="pts__text linli-muted">
            {m.category} · {m.address}
          </Text>
          {m.agreement?.offers.map((offer) => (
            <View className="pts__line" key={offer.offerId}>
              <Text className="pts__text">{offerText(offer)}</Text>
              {m.active ? (
                <Button
                  className="pts__action"
                  type="primary"
                  size="large"
                  block
                  onClick={() =>
                    void Taro.navigateTo({
                      url: `${SUB_PAGES.pointsRedeem}?merchantId=${m.merchantId}&offerId=${offer.offerId}`,
                    })
                  }
                >
                  兑换「{offer.title}」
                </Button>
              ) : null}
            </View>
          ))}
        </View>
      ))}
    </>
  );
}

/** 爱心商户 and their offers; an offer opens its one-time redemption code. */
export default function PointsMerchantsPage() {
  const { me } = useMe();
  const communityId = me?.grants.find((g) => g.role === 'volunteer' || g.role === 'resident')?.communityId;
  return (
    <PageShell className="points-merchants">{communityId ? <Merchants communityId={communityId} /> : null}</PageShell>
  );
}
