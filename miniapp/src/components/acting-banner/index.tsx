import { Text, View } from '@tarojs/components';
import { useSyncExternalStore } from 'react';
import { readActingFor, stopActingFor, subscribeActingFor } from '../../services/acting-for';
import './index.css';

/** On every page while someone acts for a dependent (代办): whom, and a way out. */
export function ActingBanner() {
  const acting = useSyncExternalStore(subscribeActingFor, readActingFor, readActingFor);
  if (!acting) return null;
  return (
    <View className="acting-banner" role="status" aria-live="polite">
      <Text className="acting-banner__text">
        正在为 {acting.realName}（{acting.age}岁）代办
      </Text>
      <View className="acting-banner__exit" role="button" aria-label="退出代办" onClick={stopActingFor}>
        <Text>退出代办</Text>
      </View>
    </View>
  );
}
