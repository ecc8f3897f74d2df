import { Image, Text, View } from '@tarojs/components';
import { ENTRY_ICONS, type EntryIcon } from './icons';
import './index.css';

interface EntryCardProps {
  icon: EntryIcon;
  title: string;
  description: string;
  onOpen: () => void;
  /** A short count on the right, e.g. unread messages; left out when there is nothing to count. */
  badge?: string;
}

/** A large tappable card that opens another page; its name is what it shows (WCAG 2.5.3). */
export function EntryCard({ icon, title, description, onOpen, badge }: EntryCardProps) {
  return (
    <View className="entry-card" onClick={onOpen} role="link">
      <Image className="entry-card__icon" src={ENTRY_ICONS[icon]} mode="aspectFit" aria-hidden />
      <View className="entry-card__body">
        <Text className="entry-card__title">{title}</Text>
        <Text className="linli-muted">{description}</Text>
      </View>
      {badge ? (
        <Text className="entry-card__badge" aria-hidden>
          {badge}
        </Text>
      ) : null}
      <Text className="entry-card__arrow" aria-hidden>
        ›
      </Text>
    </View>
  );
}
