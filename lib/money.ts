// Money is kept in integer minor units (cents) everywhere; this is the one place it becomes
// text, and where typed text ("12.50") becomes minor units again.

// Building an Intl.NumberFormat costs far more than using one; a 5,000-seat map labels every seat.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  const key = currency.toUpperCase();
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat("en-US", { style: "currency", currency: key });
    formatters.set(key, fmt);
  }
  return fmt;
}

/** How many minor-unit digits a currency has (2 for usd, 0 for jpy). */
export function currencyDigits(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units as the currency's major units (1250 cents → 12.5): what Intl formats. */
function majorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** An amount in minor units (cents, or whole yen for JPY) as "$14.00". */
export function formatMoney(minor: number, currency: string): string {
  return formatterFor(currency).format(majorUnits(minor, currency));
}

/** An amount in minor units, short, for chart axes: "$1.2K". */
export function formatMoneyCompact(minor: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), notation: "compact", maximumFractionDigits: 1 }).format(majorUnits(minor, currency));
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

/** 1250 → "12.50": the value a price field starts with, and the CSV export's amount. */
export function formatMoneyInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits > 0 ? (minor / 10 ** digits).toFixed(digits) : String(minor);
}
