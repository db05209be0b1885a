/** "  marquee 10 " → "MARQUEE10": how codes are stored and looked up (case and spaces don't matter). */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}
