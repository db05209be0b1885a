// The short order reference the box office reads out and types: the order id's first 8
// characters, upper-cased. Pure.

export function orderReference(orderId: string): string {
  return orderId.slice(0, 8).toUpperCase();
}

/** True for text that looks like a short reference ("3F9A0C12"), matched against order ids. */
export function isOrderReference(text: string): boolean {
  return /^[0-9a-f]{8}$/i.test(text);
}
