import { PNG } from "pngjs";
import QRCode, { type QRCodeToStringOptions } from "qrcode";

// Medium error correction survives a scuffed printout or a cracked phone screen without making
// the symbol denser; a 2-module quiet zone is enough for phone cameras and keeps the image compact.
const ERROR_CORRECTION = "M";
const MARGIN = 2;

// 16 pixels per module gives about 600 px for a ticket code: sharp when printed at 55 mm / 300 dpi.
const PRINT_SCALE = 16;

/** A PNG data URL of the QR for `code`; `size` is the image width in pixels, quiet zone included. */
export function qrPngDataUrl(code: string, options: { size?: number } = {}): Promise<string> {
  return qrPngBuffer(code, options).then((png) => `data:image/png;base64,${png.toString("base64")}`);
}

/**
 * PNG bytes of the QR for `code`; `size` is the image width in pixels, quiet zone included.
 *
 * qrcode lays out the symbol; the PNG is written here as 8-bit greyscale instead of qrcode's RGBA,
 * because a PNG without alpha goes into a PDF as it is, while an RGBA one has to be decoded and
 * split into image and mask on every render (four times slower for a 4-seat ticket PDF).
 */
export async function qrPngBuffer(code: string, options: { size?: number } = {}): Promise<Buffer> {
  const { modules } = QRCode.create(code, { errorCorrectionLevel: ERROR_CORRECTION });
  const cells = modules.size + 2 * MARGIN;
  const width = options.size ?? cells * PRINT_SCALE;
  if (!Number.isInteger(width) || width < cells) {
    throw new Error(`QR size must be a whole number of pixels, at least ${cells} for this code, got ${width}`);
  }

  // Each pixel takes the module it falls in, as qrcode does, so any width works; whole multiples
  // of `cells` give every module the same number of pixels.
  const cellAt = Array.from({ length: width }, (_, px) => Math.floor((px * cells) / width) - MARGIN);
  const pixels = Buffer.alloc(width * width, 0xff);
  for (let y = 0; y < width; y++) {
    const row = cellAt[y];
    if (row < 0 || row >= modules.size) continue;
    for (let x = 0; x < width; x++) {
      const col = cellAt[x];
      if (col >= 0 && col < modules.size && modules.get(row, col)) pixels[y * width + x] = 0;
    }
  }
  const png = Object.assign(new PNG({ width, height: width }), { data: pixels });
  // The "up" filter turns every row that repeats the one above into zeros: smallest and fastest here.
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8, filterType: 2 });
}

/** An SVG document of the QR for `code`, scalable to any size on screen. */
export function qrSvg(code: string): Promise<string> {
  const options: QRCodeToStringOptions = { errorCorrectionLevel: ERROR_CORRECTION, margin: MARGIN, type: "svg" };
  return QRCode.toString(code, options);
}
