// A sound and a buzz for each door answer, where the device allows: staff look at the queue,
// not the screen. Web Audio needs no file (nothing to fetch offline); navigator.vibrate is
// missing on iOS Safari and desktops, where the sound alone does. Never throws.

let context: AudioContext | null = null;

function tone(ctx: AudioContext, frequency: number, start: number, seconds: number, type: OscillatorType) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(0.2, ctx.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + start + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + seconds);
}

/** "good": two rising beeps and one short buzz; "bad": a low double buzz. */
export function doorFeedback(kind: "good" | "bad") {
  try {
    const Ctx = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (Ctx) {
      context ??= new Ctx();
      void context.resume();
      if (kind === "good") {
        tone(context, 880, 0, 0.12, "sine");
        tone(context, 1320, 0.13, 0.15, "sine");
      } else {
        tone(context, 180, 0, 0.25, "square");
        tone(context, 150, 0.3, 0.35, "square");
      }
    }
  } catch {
    // No sound on this device: the screen still says it.
  }
  try {
    navigator.vibrate?.(kind === "good" ? 80 : [250, 120, 250]);
  } catch {
    // Some browsers throw when vibration is blocked: ignore.
  }
}
