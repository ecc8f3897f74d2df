import { Text, View } from '@tarojs/components';
import type { Health } from '../../hooks/use-health';
import type { ApiError } from '../../services/api';
import './index.css';

interface HealthStatusProps {
  health: Health | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

function describe({ health, error, loading }: HealthStatusProps): { tone: 'ok' | 'bad' | 'pending'; text: string } {
  if (loading && !health) return { tone: 'pending', text: '正在检查服务状态…' };
  if (error || !health) return { tone: 'bad', text: '暂时连不上服务，请稍后再试' };
  if (health.table !== 'ok') return { tone: 'bad', text: '服务已连接，数据暂时无法读取' };
  return { tone: 'ok', text: '服务运行正常' };
}

/** One line telling whether the API (and its table) answers. */
export function HealthStatus(props: HealthStatusProps) {
  const { tone, text } = describe(props);
  return (
    <View className={`health-status health-status--${tone}`} aria-live="polite">
      <View className="health-status__dot" />
      <Text>{text}</Text>
    </View>
  );
}
