import { Text, View } from '@tarojs/components';
import './index.css';

interface EntryCardProps {
  icon: string;
  title: string;
  description: string;
  onOpen: () => void;
}

/** A large tappable card that opens another page. */
export function EntryCard({ icon, title, description, onOpen }: EntryCardProps) {
  return (
    <View className="entry-card" onClick={onOpen} role="link" aria-label={title}>
      <Text className="entry-card__icon" aria-hidden>
        {icon}
      </Text>
      <View className="entry-card__body">
        <Text className="entry-card__title">{title}</Text>
        <Text className="linli-muted">{description}</Text>
      </View>
      <Text className="entry-card__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
