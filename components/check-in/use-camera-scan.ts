"use client";
import { useEffect, useRef } from "react";

type Detector = { detect: (s: CanvasImageSource) => Promise<{ rawValue: string }[]> };

/**
 * While `on`, reads QR codes from the rear camera into `onCode`: the browser's BarcodeDetector
 * where it exists, jsQR otherwise. `onError` when there is no camera (or permission is refused).
 * Returns the ref for the preview <video>.
 */
export function useCameraScan(on: boolean, onCode: (code: string) => Promise<void>, onError: () => void) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!on) return;
    let stop = false;
    let stream: MediaStream | null = null;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        const el = video.current!;
        el.srcObject = stream;
        await el.play();
        const Ctor = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
        const detector = Ctor ? new Ctor({ formats: ["qr_code"] }) : null;
        const jsQR = detector ? null : (await import("jsqr")).default;
        const canvas = document.createElement("canvas");
        const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
        while (!stop) {
          let code: string | null = null;
          if (detector) code = (await detector.detect(el))[0]?.rawValue ?? null;
          else if (jsQR && el.videoWidth) {
            canvas.width = el.videoWidth;
            canvas.height = el.videoHeight;
            ctx.drawImage(el, 0, 0);
            const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
            code = jsQR(img.data, img.width, img.height)?.data ?? null;
          }
          if (code) await onCode(code);
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        onError();
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on, onCode, onError]);
  return video;
}
