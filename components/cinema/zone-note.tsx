import { zoneName } from "@/lib/time";

/**
 * "Times in Pacific Time (PST)", named only when the theater's zone is not the visitor's. The
 * server cannot know the visitor's zone, so it always writes the note and marks it with the zone;
 * a few bytes of inline script in the document head (ZONE_SCRIPT) hide the notes of the browser's
 * own zone before the first paint. Without JavaScript every note shows: never wrong, just said.
 */
export function ZoneNote({ timeZone, className }: { timeZone: string; className?: string }) {
  return (
    <span data-zone={timeZone} className={className}>
      Times in {zoneName(timeZone)}
    </span>
  );
}

/** Inline in <head> (with the CSP nonce): a style rule hiding the notes of the visitor's zone. */
export const ZONE_SCRIPT = `try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(/^[A-Za-z0-9_+\\/-]+$/.test(z)){var s=document.createElement("style");s.textContent='[data-zone="'+z+'"]{display:none}';document.head.appendChild(s)}}catch(e){}`;
