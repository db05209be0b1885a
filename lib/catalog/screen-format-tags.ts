// A show's tags start from its screen's format (issue 19): a show on the "IMAX" screen is an
// IMAX show unless the admin says otherwise. Pure: the schedule form pre-ticks the same tags.
import { SHOW_TAGS } from "@/lib/show-tags";

// "IMAX 3D", "imax-3d", "Dolby Atmos", "70 mm" → letters and digits only, lower case.
const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The format tags a screen's free-text format names ("IMAX 3D" → imax, 3d); none for "standard". */
export function tagsOfScreenFormat(format: string): string[] {
  const words = compact(format);
  if (!words) return [];
  return SHOW_TAGS.filter((t) => t.group === "format" && (words.includes(compact(t.id)) || words.includes(compact(t.label)))).map((t) => t.id);
}
