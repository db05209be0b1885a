import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { qrPngBuffer, qrPngDataUrl, qrSvg } from "@/lib/tickets/qr";

const CODE = "MQ1.AQtvXB6Nekwrnz4aKzxNXm9iVV-DFZJh4Gn1Sws";

function decode(png: Buffer) {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, text: jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data };
}

describe("ticket QR", () => {
  it("encodes the code and nothing else, at print resolution by default", async () => {
    const png = await qrPngBuffer(CODE);
    const { width, height, text } = decode(png);
    expect(text).toBe(CODE);
    expect(width).toBe(height);
    expect(width).toBeGreaterThanOrEqual(500);
  });

  it("writes greyscale without alpha, so the PDF can embed it as is", async () => {
    const png = await qrPngBuffer(CODE);
    // IHDR: bit depth at byte 24, colour type at byte 25 (0 = greyscale).
    expect(png[24]).toBe(8);
    expect(png[25]).toBe(0);
  });

  it("honours an exact pixel size, even one that is not a multiple of the module count", async () => {
    for (const size of [148, 200, 333]) {
      const { width, text } = decode(await qrPngBuffer(CODE, { size }));
      expect(width).toBe(size);
      expect(text).toBe(CODE);
    }
    await expect(qrPngBuffer(CODE, { size: 10 })).rejects.toThrow(/at least/);
    await expect(qrPngBuffer(CODE, { size: 150.5 })).rejects.toThrow(/whole number/);
  });

  it("keeps a 2-module quiet zone", async () => {
    // A 33-module symbol (version 4) plus 2 + 2 quiet modules, 16 px each.
    const image = PNG.sync.read(await qrPngBuffer(CODE));
    expect(image.width).toBe((33 + 4) * 16);
    const dark = (x: number, y: number) => image.data[(y * image.width + x) * 4] < 128;
    for (let i = 0; i < image.width; i++) {
      expect(dark(i, 31) || dark(31, i) || dark(i, image.width - 32)).toBe(false);
    }
    expect(dark(32, 32)).toBe(true);
  });

  it("offers a data URL and an SVG of the same symbol", async () => {
    const url = await qrPngDataUrl(CODE);
    expect(url.startsWith("data:image/png;base64,")).toBe(true);
    expect(decode(Buffer.from(url.split(",")[1], "base64")).text).toBe(CODE);
    const svg = await qrSvg(CODE);
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 37 37"/);
  });
});
