import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { scanQrCode } from '../../services/privacy-apis';
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
 * Reads a QR code: the camera in WeChat (scanQrCode, after privacy consent), and a field to type or paste the code
 * into everywhere (H5 has no scanner; and a damaged QR code can still be typed).
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
      <Textarea
        className="code-scanner__input"
        aria-label={typeLabel}
        value={text}
        maxlength={600}
        placeholder="粘贴或输入码"
        onInput={(e) => setText(e.detail.value)}
      />
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
