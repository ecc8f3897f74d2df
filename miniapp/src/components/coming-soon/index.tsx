import { Text } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './index.css';

interface ComingSoonProps {
  /** What will live here, e.g. 社区议事. */
  feature: string;
  /** One sentence on what the feature will do. */
  description: string;
  icon: string;
}

/** The honest empty state of a feature that has not been built yet. */
export function ComingSoon({ feature, description, icon }: ComingSoonProps) {
  return (
    <Empty
      className="coming-soon"
      // Our own icon: NutUI's default picture loads from a remote CDN.
      image={
        <Text className="coming-soon__icon" aria-hidden>
          {icon}
        </Text>
      }
      title={`${feature} · 即将开放`}
      description={description}
    />
  );
}
