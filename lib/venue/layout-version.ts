import "server-only";
import { createHash } from "node:crypto";

type VersionedScreen = { gridWidth: number; gridHeight: number; tiers: string[] };
type VersionedSeat = { id: string; rowLabel: string; number: number; x: number; y: number; kind: string; tier: string; active: boolean };

/**
 * A fingerprint of a screen's layout as stored. The editor sends back the one it was opened
 * with, so a save made over someone else's newer save is refused instead of silently undoing it.
 */
export function layoutVersion(screen: VersionedScreen, seats: readonly VersionedSeat[]): string {
  const active = seats
    .filter((s) => s.active)
    .map((s) => [s.id, s.rowLabel, s.number, s.x, s.y, s.kind, s.tier].join(":"))
    .sort();
  return createHash("sha256").update(JSON.stringify([screen.gridWidth, screen.gridHeight, screen.tiers, active])).digest("base64url");
}
