import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import './index.css';

/** 商户中心: merchants' entry; their tools arrive together with 邻里积分. */
export default function MerchantCenterPage() {
  return (
    <PageShell className="merchant">
      <View className="linli-card">
        <Text className="merchant__title">商户中心</Text>
        <Text className="merchant__text">
          合作商户的功能会和「邻里积分」一起上线：到时商户可以在这里登记店铺、设置积分兑换的商品，并为居民核销积分。
        </Text>
        <Text className="merchant__text linli-muted">目前这里还没有可以办理的事项。</Text>
      </View>
    </PageShell>
  );
}
