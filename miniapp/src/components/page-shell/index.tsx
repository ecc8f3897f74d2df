import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useLargeText } from '../../hooks/use-large-text';
import { ActingBanner } from '../acting-banner';
import { PrivacySheet } from '../privacy-sheet';

interface PageShellProps {
  className?: string;
}

/** Root of every page: carries the design tokens, switches them for 大字模式, shows 代办 and the privacy sheet. */
export function PageShell({ className, children }: PropsWithChildren<PageShellProps>) {
  const [largeText] = useLargeText();
  const classes = ['linli-page', largeText ? 'linli-page--large' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      <ActingBanner />
      {children}
      <PrivacySheet />
    </View>
  );
}
