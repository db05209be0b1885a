import { localDate, zoneOffsetMinutes } from "@/lib/time";

/** A start instant as the theater's clock reads it: local date, weekday (0 = Sunday) and minute of the day. */
export function localSlot(instant: Date, timeZone: string): { date: string; weekday: number; minute: number } {
  const local = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000);
  return { date: localDate(instant, timeZone), weekday: local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
