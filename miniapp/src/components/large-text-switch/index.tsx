import { Text, View } from '@tarojs/components';
import { ToggleSwitch } from '../toggle-switch';
import { useLargeText } from '../../hooks/use-large-text';
import './index.css';

/** The 大字模式 switch; the choice is kept across launches and applies to every page. */
export function LargeTextSwitch() {
  const [largeText, setLargeText] = useLargeText();
  return (
    <View className="large-text-switch">
      <View>
        <Text className="large-text-switch__label">大字模式</Text>
        <Text className="large-text-switch__hint linli-muted">
          {largeText ? '已开启，文字更大更清楚' : '开启后全部文字放大'}
        </Text>
      </View>
      <ToggleSwitch
        className="large-text-switch__control"
        checked={largeText}
        onChange={setLargeText}
        label="大字模式"
      />
    </View>
  );
}
