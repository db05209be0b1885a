// Money is kept in integer minor units (cents) everywhere; this is the one place it becomes text.

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

/** An amount in minor units (cents, or whole yen for JPY) as "$14.00". */
export function formatMoney(minor: number, currency: string): string {
  const fmt = formatterFor(currency);
  const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
  return fmt.format(minor / 10 ** digits);
}
