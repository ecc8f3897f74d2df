import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApiError } from '../../services/api';
import './index.css';

interface RequestStatusProps {
  loading: boolean;
  error: ApiError | undefined;
  onRetry: () => void;
  /** What is loading, e.g. 社区信息. */
  what: string;
}

/** Loading and failure states of a request, with a 重试 button after a failure. */
export function RequestStatus({ loading, error, onRetry, what }: RequestStatusProps) {
  if (loading) {
    return (
      <View className="linli-card request-status">
        <Text className="request-status__message linli-muted">正在加载{what}…</Text>
      </View>
    );
  }
  if (error) {
    return (
      <View className="linli-card request-status">
        <Text className="request-status__message request-status__error">
          {what}加载失败：{error.message}
        </Text>
        <Button type="primary" className="request-status__retry" onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  }
  return null;
}
