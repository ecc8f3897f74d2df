import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { scanQrCode } from '../../services/privacy-apis';
import { TextField } from '../text-field';
import './index.css';

interface CodeScannerProps {
  /** What the scan is for, e.g. 扫码签到. */
  scanLabel: string;
  /** Label of the typed-code field and its button. */
  typeLabel: string;
  submitLabel: string;
  pending: boolean;
  onCode: (code: string) => void;
}

/**
 * Reads a QR code: the camera in WeChat (scanQrCode, after privacy consent), and a field for the
 * 6-character code shown under the QR everywhere (H5 has no scanner; a damaged QR can be typed).
 */
export function CodeScanner({ scanLabel, typeLabel, submitLabel, pending, onCode }: CodeScannerProps) {
  const [text, setText] = useState('');
  const canScan = process.env.TARO_ENV === 'weapp';

  const scan = async () => {
    try {
      const result = await scanQrCode();
      if (result) onCode(result.trim());
    } catch {
      // Closed the camera without scanning, or declined the privacy guide (a toast said so).
    }
  };

  return (
    <View className="code-scanner">
      {canScan ? (
        <Button type="primary" size="large" block loading={pending} onClick={() => void scan()}>
          {scanLabel}
        </Button>
      ) : null}
      <Text className="code-scanner__hint linli-muted">
        {canScan ? `扫不出来时，也可以${typeLabel}：` : `${typeLabel}：`}
      </Text>
      <View className="code-scanner__input">
        <TextField label={typeLabel} value={text} maxlength={8} placeholder="6 位码，不分大小写" onInput={setText} />
      </View>
      <Button
        className="code-scanner__submit"
        type={canScan ? 'default' : 'primary'}
        size="large"
        block
        loading={pending}
        onClick={() => {
          if (text.trim()) onCode(text.trim());
        }}
      >
        {submitLabel}
      </Button>
    </View>
  );
}
