"use client";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { knownTags } from "@/lib/show-tags";
import { ActionOutcome } from "@/components/admin/pricing/action-outcome";
import { useAdminAction, type AdminAction } from "@/components/admin/pricing/use-admin-action";
import { TagCheckboxes } from "./tag-checkboxes";

/**
 * A show's tags as chips, and — until it ends — a way to change them. The boxes are a plain form
 * field: what is ticked is sent (nothing ticked: no tags), and the server refuses an unknown tag.
 */
export function ShowTagsCell({ showId, what, tags, editable, setTags }: { showId: string; what: string; tags: string[]; editable: boolean; setTags: AdminAction<unknown> }) {
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const call = useAdminAction(setTags, () => {
    setOpen(false);
    router.refresh();
  });
  const shown = knownTags(tags);
  return (
    <div className="space-y-1 text-xs" data-testid="admin-show-tags">
      {shown.length ? (
        <ul className="flex flex-wrap gap-1" aria-label={`Tags of ${what}`}>
          {shown.map((t) => (
            <li key={t.id} className="rounded border border-line px-1.5 py-0.5" title={t.label}>
              {t.short}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-zinc-300">No tags</p>
      )}
      {editable &&
        (open ? (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              call.run({ showId, tags: new FormData(e.currentTarget).getAll("tags") }, e.currentTarget);
            }}
          >
            <TagCheckboxes id={`${id}-tags`} legend={`Tags of ${what}`} selected={tags} errors={call.errors.tags} compact />
            <div className="flex gap-2">
              <button disabled={call.pending} className="h-8 rounded-md bg-gold px-2 font-semibold text-ink disabled:opacity-60">
                Save tags
              </button>
              <button type="button" onClick={() => setOpen(false)} className="h-8 rounded-md border border-line px-2">
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" onClick={() => setOpen(true)} className="inline-block min-h-6 text-gold underline-offset-2 hover:underline" aria-label={`Change the tags of ${what}`}>
            Change tags
          </button>
        ))}
      {call.result?.ok === false && !call.errors.tags && <ActionOutcome result={call.result} />}
    </div>
  );
}
