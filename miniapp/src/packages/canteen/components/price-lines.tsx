import { Text, View } from '@tarojs/components';
import type { PriceBreakdown } from '@linli/shared/contract/canteen';
import { yuanText } from '../../../utils/canteen';
import './canteen.css';

/** 菜品合计, 助餐补贴, 送餐费 and 应付, as the server priced them. */
export function PriceLines({ price }: { price: PriceBreakdown }) {
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
        <Text>应付（到店付）</Text>
        <Text>{yuanText(price.amountDueFen)}</Text>
      </View>
    </View>
  );
}
