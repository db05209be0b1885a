"use client";
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import { addRow, addTier, applyBrush, editorFromSeats, editorToDraft, removeRow, removeTier, renameRow, resizeWidth, setAutoNumber, tierInUse, toggleAisle, type EditorState } from "@/lib/admin/layout-editor";
import type { DraftSeat, SaveLayoutInput } from "@/lib/venue/layout-types";
import { validateLayout } from "@/lib/venue/validate-layout";
import type { MapLayout } from "@/lib/seat-map/types";
import { SeatMapPreview } from "@/components/seat-map/seat-map-preview";
import { BrushPicker, toolLabel, type Tool } from "./brush-picker";
import { EditorGrid } from "./editor-grid";
import { TierList } from "./tier-list";
import { TitledSection } from "@/components/titled-section";

type Saved = { version: string; summary: { added: number; changed: number; removed: number } };

export type LayoutEditorProps = {
  screenId: string;
  screenName: string;
  version: string;
  gridWidth: number;
  gridHeight: number;
  tiers: string[];
  seats: (Omit<DraftSeat, "id"> & { id: string })[];
  /** Seat id -> the coming show it has a ticket for (such seats cannot be removed or moved). */
  sold: Record<string, string>;
  save: (input: SaveLayoutInput) => Promise<ActionResult<Saved>>;
};

type Notice = { tone: "ok" | "error"; text: string; issues?: string[] } | null;

const button = "h-8 rounded border border-line px-3 text-sm hover:border-zinc-300 disabled:opacity-40";

function fromProps(p: LayoutEditorProps): EditorState {
  return editorFromSeats(p.seats, p.gridWidth, p.gridHeight, p.tiers);
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The seat layout editor: the state lives here and every edit is a pure function from
 * lib/admin/layout-editor. Saving sends the whole layout; the server diffs it against the stored
 * seats, and the page is then reloaded so new seats get their ids.
 */
export function LayoutEditor(props: LayoutEditorProps) {
  const router = useRouter();
  const [state, setState] = useState(() => fromProps(props));
  // After a save the page re-renders with the stored layout (new seats with their ids): start over from it.
  const [loadedVersion, setLoadedVersion] = useState(props.version);
  if (loadedVersion !== props.version) {
    setLoadedVersion(props.version);
    setState(fromProps(props));
  }
  const [tool, setTool] = useState<Tool>({ tool: "seat" });
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);
  const [refreshing, startRefresh] = useTransition();

  const draft = useMemo(() => editorToDraft(state), [state]);
  const issues = useMemo(() => validateLayout(draft), [draft]);
  const baseline = useMemo(() => JSON.stringify(editorToDraft(fromProps(props))), [props]);
  const dirty = JSON.stringify(draft) !== baseline;

  const preview: MapLayout = useMemo(() => {
    const keyOf = new Map<string, string>();
    state.rows.forEach((row, y) => row.cells.forEach((c, x) => c && keyOf.set(`${x},${y}`, c.key)));
    return {
      showId: "preview",
      screenName: props.screenName,
      gridWidth: draft.gridWidth,
      gridHeight: draft.gridHeight,
      currency: "usd",
      tiers: draft.tiers.map((name) => ({ name, price: 0 })),
      seats: draft.seats.map((s) => ({ id: keyOf.get(`${s.x},${s.y}`)!, row: s.rowLabel, number: s.number, x: s.x, y: s.y, kind: s.kind, tier: s.tier })),
    };
  }, [draft, props.screenName, state.rows]);
  const marked = useMemo(() => new Set(preview.seats.filter((s) => props.sold[s.id]).map((s) => s.id)), [preview.seats, props.sold]);

  const edit = (next: EditorState) => {
    setState(next);
    if (notice?.tone === "error") setNotice(null);
  };

  const onCell = (y: number, x: number) => edit(tool.tool === "aisle" ? toggleAisle(state, x) : applyBrush(state, y, x, tool));

  const save = async () => {
    if (issues.length || saving) return;
    setSaving(true);
    try {
      const result = await props.save({ screenId: props.screenId, version: loadedVersion, ...draft });
      if (result.ok) {
        const { added, changed, removed } = result.data.summary;
        setNotice({ tone: "ok", text: `Saved: ${added} added, ${changed} changed, ${removed} removed.` });
        startRefresh(() => router.refresh());
      } else {
        const more = (result.details?.issues as { message: string }[] | undefined)?.map((i) => i.message) ?? [];
        setNotice({ tone: "error", text: result.message, issues: more.length > 1 ? more : undefined });
      }
    } catch {
      setNotice({ tone: "error", text: "The layout could not be saved (no connection?). Nothing was changed; try again." });
    } finally {
      setSaving(false);
    }
  };

  const seatCount = draft.seats.length;
  const busy = saving || refreshing;
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0 space-y-3">
          <EditorGrid
            state={state}
            sold={props.sold}
            brushLabel={toolLabel(tool)}
            onCell={onCell}
            onRename={(y, label) => edit(renameRow(state, y, label))}
            onRemoveRow={(y) => edit(removeRow(state, y))}
          />
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={() => edit(addRow(state, true))}>
              Add row like the last
            </button>
            <button type="button" className={button} onClick={() => edit(addRow(state, false))}>
              Add empty row
            </button>
            <button type="button" className={button} onClick={() => edit(resizeWidth(state, 1))}>
              Add column
            </button>
            <button
              type="button"
              className={button}
              onClick={() => edit(resizeWidth(state, -1))}
              disabled={state.width <= 1 || state.rows.some((r) => r.cells[state.width - 1])}
              title="Only an empty last column can be removed"
            >
              Remove last column
            </button>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={state.autoNumber} onChange={(e) => edit(setAutoNumber(state, e.target.checked))} className="h-4 w-4 accent-[#f5c451]" />
            Number seats 1, 2, 3… from the left in every row
          </label>
        </div>
        <div className="space-y-5">
          <BrushPicker tool={tool} tiers={state.tiers} onChange={setTool} />
          <TierList
            tiers={state.tiers}
            inUse={(t) => tierInUse(state, t)}
            onAdd={(name) => edit(addTier(state, name))}
            onRemove={(name) => {
              edit(removeTier(state, name));
              if (tool.tool === "tier" && tool.tier === name) setTool({ tool: "seat" });
            }}
          />
        </div>
      </div>

      <TitledSection id="layout-save" title="Save" panel>
        <p className="text-sm text-zinc-200" data-testid="layout-summary">
          {plural(seatCount, "seat")} in {plural(state.rows.filter((r) => r.cells.some(Boolean)).length, "row")} · {dirty ? "unsaved changes" : "no unsaved changes"}
        </p>
        {issues.length > 0 && (
          <div className="rounded-lg border border-amber-300 p-3 text-sm text-amber-100">
            <p className="font-semibold">Fix these before saving:</p>
            <ul className="list-disc pl-5">
              {issues.map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={save}
            aria-disabled={issues.length > 0 || busy}
            className="rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
          >
            {saving ? "Saving…" : "Save layout"}
          </button>
          {dirty && !busy && (
            <button type="button" className={button} onClick={() => edit(fromProps(props))}>
              Undo all changes
            </button>
          )}
        </div>
        <div role="status" aria-live="polite" data-testid="layout-notice">
          {notice && (
            <div className={`rounded-lg border p-3 text-sm ${notice.tone === "ok" ? "border-emerald-400 bg-emerald-400/10 text-emerald-50" : "border-red-400 bg-red-400/10 text-red-50"}`}>
              <p>{notice.text}</p>
              {notice.issues && (
                <ul className="list-disc pl-5">
                  {notice.issues.map((i) => (
                    <li key={i}>{i}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </TitledSection>

      <TitledSection id="layout-preview" title="Preview" className="space-y-2">
        <p className="text-sm text-zinc-300">How customers will see {props.screenName} on the seat map.</p>
        {seatCount > 0 ? <SeatMapPreview layout={preview} marked={marked} /> : <p className="text-sm text-zinc-300">No seats yet.</p>}
      </TitledSection>
    </div>
  );
}
