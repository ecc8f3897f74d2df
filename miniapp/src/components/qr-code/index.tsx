import { View } from '@tarojs/components';
import { useMemo } from 'react';
import { qrMatrix, rowRuns } from './matrix';
import './index.css';

interface QrCodeProps {
  /** The text to encode, e.g. linli:checkin:<sessionId>:<code>. */
  text: string;
  /** Read out for screen readers. */
  label: string;
}

/**
 * A QR code drawn with plain Views, one box per run of equal modules in a row: the same markup
 * renders on WeChat and in H5, with no canvas and no image to generate. The square's size is
 * set in CSS; rows and runs share it out by flex-grow, so every module comes out the same size.
 */
export function QrCode({ text, label }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(text), [text]);
  return (
    <View className="qr-code" role="img" aria-label={label} data-modules={matrix.length}>
      {matrix.map((row, r) => (
        <View className="qr-code__row" key={r}>
          {rowRuns(row).map((run, i) => (
            <View
              key={i}
              className={run.dark ? 'qr-code__run qr-code__run--dark' : 'qr-code__run'}
              style={{ flexGrow: run.length }}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
