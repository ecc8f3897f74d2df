import { useState } from 'react';
import { scanQrCode } from '../services/privacy-apis';

/**
 * A staff counter taking a resident's code (签到, 取餐): scanned from their QR in WeChat, or the
 * 6-character code typed (letters in any case). Remembers the last success to show it.
 */
export function useCodeCheck<T>(check: (code: string) => Promise<T | undefined>, onDone: (result: T) => void) {
  const [code, setCode] = useState('');
  const [last, setLast] = useState<T>();
  const canScan = process.env.TARO_ENV === 'weapp';

  const submit = async (input: string) => {
    const text = input.trim();
    if (!text) return;
    setLast(undefined);
    // A scanned QR carries `linli:…` as is; a typed code is upper-cased as printed.
    const result = await check(text.startsWith('linli:') ? text : text.toUpperCase());
    if (!result) return;
    setLast(result);
    setCode('');
    onDone(result);
  };

  const scan = async () => {
    try {
      const result = await scanQrCode();
      await submit(result);
    } catch {
      // Closed the camera without scanning, or declined the privacy guide (a toast said so).
    }
  };

  return { code, setCode, last, canScan, submit, scan };
}
