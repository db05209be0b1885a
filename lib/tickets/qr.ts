import QRCode, { type QRCodeToBufferOptions, type QRCodeToDataURLOptions, type QRCodeToStringOptions } from "qrcode";

// Medium error correction survives a scuffed printout or a cracked phone screen without making
// the symbol denser; a 2-module quiet zone is enough for phone cameras and keeps the image compact.
const BASE = { errorCorrectionLevel: "M", margin: 2 } as const;

// 16 pixels per module gives about 600 px for a ticket code: sharp when printed at 50 mm / 300 dpi.
const PRINT_SCALE = 16;

/** A PNG data URL of the QR for `code`, sized for print. */
export function qrPngDataUrl(code: string, options: { size?: number } = {}): Promise<string> {
  const opts: QRCodeToDataURLOptions = { ...BASE, type: "image/png", ...sizing(options.size) };
  return QRCode.toDataURL(code, opts);
}

/** PNG bytes of the QR for `code`; `size` is the image width in pixels, quiet zone included. */
export function qrPngBuffer(code: string, options: { size?: number } = {}): Promise<Buffer> {
  const opts: QRCodeToBufferOptions = { ...BASE, type: "png", ...sizing(options.size) };
  return QRCode.toBuffer(code, opts);
}

/** An SVG document of the QR for `code`, scalable to any size on screen. */
export function qrSvg(code: string): Promise<string> {
  const opts: QRCodeToStringOptions = { ...BASE, type: "svg" };
  return QRCode.toString(code, opts);
}

function sizing(size: number | undefined) {
  if (size === undefined) return { scale: PRINT_SCALE };
  if (!Number.isInteger(size) || size <= 0) throw new Error(`QR size must be a positive whole number of pixels, got ${size}`);
  return { width: size };
}
