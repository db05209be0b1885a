import type { CSSProperties } from "react";

// Inline styles only: many mail clients drop <style> blocks. Light body with dark text reads in
// every client (forced dark modes invert it cleanly); the ink-and-gold band carries the brand.
// Every text colour here keeps at least 4.5:1 contrast on its background.

export const colors = { ink: "#0b0b12", gold: "#f5c451", text: "#1a1a24", muted: "#4a4a5c", line: "#e2e2ea", page: "#f4f4f7" };

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const styles = {
  body: { backgroundColor: colors.page, fontFamily: font, margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", maxWidth: "560px", margin: "0 auto", borderRadius: "8px", overflow: "hidden" },
  band: { backgroundColor: colors.ink, padding: "16px 24px" },
  brand: { color: colors.gold, fontSize: "20px", fontWeight: 700, letterSpacing: "0.04em", margin: 0 },
  content: { padding: "8px 24px 24px" },
  h1: { color: colors.text, fontSize: "22px", lineHeight: "30px", margin: "16px 0 8px" },
  h2: { color: colors.text, fontSize: "16px", lineHeight: "24px", margin: "20px 0 8px" },
  text: { color: colors.text, fontSize: "15px", lineHeight: "24px", margin: "8px 0" },
  muted: { color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "8px 0" },
  button: {
    backgroundColor: colors.ink,
    color: colors.gold,
    borderRadius: "6px",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
    display: "inline-block",
  },
  link: { color: "#1d4ed8", textDecoration: "underline" },
  hr: { borderColor: colors.line, margin: "24px 0 8px" },
  table: { width: "100%", borderCollapse: "collapse" },
  th: { color: colors.muted, fontSize: "13px", fontWeight: 600, textAlign: "left", padding: "6px 0", borderBottom: `1px solid ${colors.line}` },
  td: { color: colors.text, fontSize: "15px", padding: "8px 0", borderBottom: `1px solid ${colors.line}` },
  amount: { textAlign: "right" },
  small: { color: colors.muted, fontSize: "12px", lineHeight: "18px" },
  facts: { color: colors.text, fontSize: "15px", lineHeight: "24px", margin: "2px 0" },
} satisfies Record<string, CSSProperties>;
