import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useLargeText } from '../../hooks/use-large-text';

interface PageShellProps {
  className?: string;
}

/** Root of every page: carries the design tokens and switches them for 大字模式. */
export function PageShell({ className, children }: PropsWithChildren<PageShellProps>) {
  const [largeText] = useLargeText();
  const classes = ['linli-page', largeText ? 'linli-page--large' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
