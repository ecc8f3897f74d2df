// The encoder alone, without qrcode's canvas, SVG and PNG renderers (and their Node-only
// dependencies): we draw the modules ourselves, in the same way on WeChat and H5.
declare module 'qrcode/lib/core/qrcode' {
  import type { QRCode, QRCodeOptions, QRCodeSegment } from 'qrcode';

  export function create(data: string | QRCodeSegment[], options?: QRCodeOptions): QRCode;
}
