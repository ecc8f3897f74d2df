import { Text, View } from '@tarojs/components';
import type { PriceBreakdown } from '@linli/shared/contract/canteen';
import { yuanText } from '../../../utils/canteen';
import './canteen.css';

/** How an order is paid: at the counter, or to the volunteer at the door. */
export const paymentLabel = (fulfilment: 'pickup' | 'delivery') => (fulfilment === 'delivery' ? '货到付款' : '到店付');

/** 菜品合计, 助餐补贴, 送餐费 and 应付, as the server priced them. */
export function PriceLines({
  price,
  fulfilment = 'pickup',
}: {
  price: PriceBreakdown;
  fulfilment?: 'pickup' | 'delivery';
}) {
  return (
    <View className="price-lines" aria-label="价格明细">
      <View className="price-lines__row">
        <Text>菜品合计</Text>
        <Text>{yuanText(price.itemsFen)}</Text>
      </View>
      <View className="price-lines__row">
        <Text>助餐补贴{price.band ? `（${price.band}岁）` : ''}</Text>
        <Text className="price-lines__subsidy">-{yuanText(price.subsidyFen)}</Text>
      </View>
      <View className="price-lines__row">
        <Text>送餐费</Text>
        <Text>{yuanText(price.deliveryFeeFen)}</Text>
      </View>
      <View className="price-lines__row price-lines__due">
        <Text>应付（{paymentLabel(fulfilment)}）</Text>
        <Text>{yuanText(price.amountDueFen)}</Text>
      </View>
    </View>
  );
}
