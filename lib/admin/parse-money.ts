// Prices are typed as decimal money ("12.50") and stored in integer minor units (1250).
// Pure, shared by the show form's validation and its default values.

/** How many minor-unit digits a currency has (2 for usd, 0 for jpy). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * "12.50", "12.5", "$12", "1,250.00" → minor units; null when it is not a plain amount in this
 * currency (negative, too many decimals, letters). Works on the digits as text: parseFloat would
 * turn 0.29 into 28.999… minor units.
 */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const digits = currencyDigits(currency);
  const pattern = digits > 0 ? new RegExp(`^(\\d{1,7})(?:\\.(\\d{1,${digits}}))?$`) : /^(\d{1,9})$/;
  const match = pattern.exec(cleaned);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = digits > 0 ? Number((match[2] ?? "").padEnd(digits, "0")) : 0;
  return whole * 10 ** digits + fraction;
}

/** 1250 → "12.50": the value a price field starts with. */
export function formatMoneyInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits > 0 ? (minor / 10 ** digits).toFixed(digits) : String(minor);
}
