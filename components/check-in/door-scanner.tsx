"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors";

type Answer =
  | { result: "admitted"; row: string; seatNumber: number; name: string }
  | { result: "already_admitted"; row: string; seatNumber: number; admittedAt: string }
  | { result: "refunded"; row: string; seatNumber: number }
  | { result: "wrong_show"; showId: string }
  | { result: "invalid"; reason: string };

type Props = {
  showId: string;
  admit: (input: { showId: string; code: string }) => Promise<ActionResult<Answer>>;
  initialCounts: { admitted: number; expected: number };
};

const tone: Record<Answer["result"], string> = {
  admitted: "border-emerald-400 bg-emerald-400/15",
  already_admitted: "border-amber-300 bg-amber-300/15",
  refunded: "border-red-400 bg-red-400/15",
  wrong_show: "border-red-400 bg-red-400/15",
  invalid: "border-red-400 bg-red-400/15",
};

function describe(a: Answer): { title: string; detail: string } {
  switch (a.result) {
    case "admitted":
      return { title: "✓ Admitted", detail: `Row ${a.row}, seat ${a.seatNumber} · ${a.name}` };
    case "already_admitted":
      return { title: "✗ Already admitted", detail: `Row ${a.row}, seat ${a.seatNumber} · at ${new Date(a.admittedAt).toLocaleTimeString()}` };
    case "refunded":
      return { title: "✗ Refunded or cancelled", detail: `Row ${a.row}, seat ${a.seatNumber} — this ticket is not valid.` };
    case "wrong_show":
      return { title: "✗ Not for this show", detail: "Send the customer to the right screen." };
    case "invalid":
      return { title: "✗ Not a valid ticket", detail: a.reason === "unknown_ticket" ? "No such ticket." : "The code is forged or damaged." };
  }
}

/**
 * Door check-in on a phone: the camera scans with the browser's BarcodeDetector when it has one
 * and with jsQR otherwise; a typed code works too. Counts refresh every few seconds.
 */
export function DoorScanner({ showId, admit, initialCounts }: Props) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [counts, setCounts] = useState(initialCounts);
  const [scanning, setScanning] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const lastCode = useRef<{ code: string; at: number } | null>(null);

  const submit = useCallback(
    async (code: string) => {
      const now = Date.now();
      // The camera sees the same QR many times a second; only act on it once per few seconds.
      if (lastCode.current && lastCode.current.code === code && now - lastCode.current.at < 3000) return;
      lastCode.current = { code, at: now };
      const res = await admit({ showId, code });
      if (res.ok) {
        setAnswer(res.data);
        setError(null);
      } else setError(res.message);
      const r = await fetch(`/api/admin/shows/${showId}/door`, { cache: "no-store" });
      if (r.ok) setCounts(await r.json());
    },
    [admit, showId],
  );

  useEffect(() => {
    const timer = setInterval(async () => {
      const r = await fetch(`/api/admin/shows/${showId}/door`, { cache: "no-store" });
      if (r.ok) setCounts(await r.json());
    }, 3000);
    return () => clearInterval(timer);
  }, [showId]);

  useEffect(() => {
    if (!scanning) return;
    let stop = false;
    let stream: MediaStream | null = null;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        const video = videoRef.current!;
        video.srcObject = stream;
        await video.play();
        const Detector = (globalThis as { BarcodeDetector?: new (o: { formats: string[] }) => { detect: (s: CanvasImageSource) => Promise<{ rawValue: string }[]> } }).BarcodeDetector;
        const detector = Detector ? new Detector({ formats: ["qr_code"] }) : null;
        const jsQR = detector ? null : (await import("jsqr")).default;
        const canvas = document.createElement("canvas");
        const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
        while (!stop) {
          let code: string | null = null;
          if (detector) {
            const found = await detector.detect(video);
            code = found[0]?.rawValue ?? null;
          } else if (jsQR && video.videoWidth) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            ctx.drawImage(video, 0, 0);
            const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
            code = jsQR(img.data, img.width, img.height)?.data ?? null;
          }
          if (code) await submit(code);
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        setError("The camera is not available. Type the code instead.");
        setScanning(false);
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [scanning, submit]);

  const shown = answer ? describe(answer) : null;
  return (
    <div className="space-y-4">
      <p className="text-lg" data-testid="door-counts">
        <span className="font-bold">{counts.admitted}</span> admitted of <span className="font-bold">{counts.expected}</span> expected
      </p>
      <div aria-live="assertive" role="status" data-testid="door-answer">
        {shown && (
          <div className={`rounded-xl border-2 p-4 ${tone[answer!.result]}`}>
            <p className="text-2xl font-bold">{shown.title}</p>
            <p>{shown.detail}</p>
          </div>
        )}
        {error && <p className="rounded border border-red-400 p-2">{error}</p>}
      </div>
      <button type="button" onClick={() => setScanning((s) => !s)} className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink">
        {scanning ? "Stop camera" : "Scan with camera"}
      </button>
      {scanning && <video ref={videoRef} className="w-full max-w-sm rounded-lg" muted playsInline aria-label="Camera preview" />}
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget.elements.namedItem("code") as HTMLInputElement);
          lastCode.current = null;
          void submit(input.value.trim());
          input.value = "";
        }}
      >
        <label htmlFor="code" className="sr-only">
          Ticket code
        </label>
        <input id="code" name="code" autoComplete="off" placeholder="Type or paste a ticket code" className="min-w-0 flex-1 rounded-lg border border-line bg-ink px-3 py-2" />
        <button className="rounded-lg border border-line px-4 py-2">Admit</button>
      </form>
    </div>
  );
}
