"use client";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/errors";
import {
  addRow,
  addTier,
  applyBrush,
  applyBrushToArea,
  areaBetween,
  areaCounts,
  blockArea,
  editorFromSeats,
  editorToDraft,
  removeRow,
  removeTier,
  renameRow,
  resizeWidth,
  rowArea,
  setAutoNumber,
  tierInUse,
  toggleAisle,
  toggleAisles,
  type Area,
  type EditorState,
} from "@/lib/admin/layout-editor";
import type { DraftSeat, SaveLayoutInput } from "@/lib/venue/layout-types";
import { validateLayout } from "@/lib/venue/validate-layout";
import type { MapLayout } from "@/lib/seat-map/types";
import { SeatMapPreview } from "@/components/seat-map/seat-map-preview";
import { BrushPicker, toolLabel, type Tool } from "./brush-picker";
import { EditorGrid, type GridMode } from "./editor-grid";
import { fitCellSize, MAX_CELL, MIN_CELL, TOUCH_CELL } from "./fit-cell-size";
import { useLeaveGuard } from "./use-leave-guard";
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

const button = "min-h-11 rounded border border-line px-3 text-sm hover:border-zinc-300 disabled:opacity-40";
// Enough steps to back out of a run of edits; each step is a whole state (they share unchanged rows).
const UNDO_STEPS = 50;

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
  const [history, setHistory] = useState(() => ({ present: fromProps(props), past: [] as EditorState[] }));
  const state = history.present;
  // After a save the page re-renders with the stored layout (new seats with their ids): start over from it.
  const [loadedVersion, setLoadedVersion] = useState(props.version);
  if (loadedVersion !== props.version) {
    setLoadedVersion(props.version);
    setHistory({ present: fromProps(props), past: [] });
  }
  const [tool, setTool] = useState<Tool>({ tool: "seat" });
  const [mode, setMode] = useState<GridMode>("paint");
  const [selection, setSelection] = useState<Area | null>(null);
  const [cell, setCell] = useState(28);
  const [notice, setNotice] = useState<Notice>(null);
  const [saving, setSaving] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const scrollerBox = useRef<HTMLDivElement>(null);

  const draft = useMemo(() => editorToDraft(state), [state]);
  const issues = useMemo(() => validateLayout(draft), [draft]);
  const baseline = useMemo(() => JSON.stringify(editorToDraft(fromProps(props))), [props]);
  const dirty = JSON.stringify(draft) !== baseline;
  useLeaveGuard(dirty && !saving);

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

  /** Every change goes through here: one undo step each (an edit that changes nothing adds none). */
  const edit = useCallback((change: (s: EditorState) => EditorState) => {
    setHistory((h) => {
      const next = change(h.present);
      return next === h.present ? h : { present: next, past: [...h.past.slice(-(UNDO_STEPS - 1)), h.present] };
    });
    setNotice((n) => (n?.tone === "error" ? null : n));
  }, []);
  const undo = useCallback(() => setHistory((h) => (h.past.length ? { present: h.past[h.past.length - 1], past: h.past.slice(0, -1) } : h)), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const field = (e.target as HTMLElement | null)?.closest?.("input, textarea");
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === "z" && !field) {
        e.preventDefault();
        undo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undo]);

  // Fit the grid to the room it has when the page opens (a 468-seat house at desk or tablet width).
  const fit = useCallback(() => {
    const box = scrollerBox.current;
    if (box) setCell(fitCellSize(box.clientWidth, state.width));
  }, [state.width]);
  const fitted = useRef(false);
  useEffect(() => {
    if (fitted.current) return;
    fitted.current = true;
    const box = scrollerBox.current;
    if (!box) return;
    // A finger needs 24 px places: a touch screen opens no smaller (it scrolls, labels pinned);
    // "Fit" still shows the whole house.
    const touch = window.matchMedia("(pointer: coarse), (max-width: 1023px)").matches;
    setCell(Math.max(fitCellSize(box.clientWidth, state.width), touch ? TOUCH_CELL : MIN_CELL));
  }, [state.width]);

  const onCell = (y: number, x: number) => edit((s) => (tool.tool === "aisle" ? toggleAisle(s, x) : applyBrush(s, y, x, tool)));
  const onSelect = useCallback((from: { y: number; x: number }, to: { y: number; x: number }) => setSelection(areaBetween(state, from, to)), [state]);
  // Read through a ref so the rows' handler keeps its identity across edits (memoized rows).
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const onSelectRow = useCallback((y: number) => {
    setMode("select");
    setSelection(rowArea(stateRef.current, y));
  }, []);
  const onSelectBlock = useCallback((y: number, x: number) => setSelection(blockArea(state, y, x)), [state]);
  const onRename = useCallback((y: number, label: string) => edit((s) => renameRow(s, y, label)), [edit]);
  const onRemoveRow = useCallback(
    (y: number) => {
      edit((s) => removeRow(s, y));
      setSelection(null);
    },
    [edit],
  );
  const applyToSelection = () => {
    if (!selection) return;
    edit((s) => (tool.tool === "aisle" ? toggleAisles(s, selection) : applyBrushToArea(s, selection, tool)));
  };
  const selected = selection ? areaCounts(state, selection) : null;

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
          <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Editing">
            <fieldset className="flex gap-1">
              <legend className="sr-only">A click on a place</legend>
              {(
                [
                  ["paint", "Paint one place"],
                  ["select", "Select places"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex min-h-11 cursor-pointer items-center rounded-md border border-line px-3 text-sm has-checked:border-gold has-checked:bg-gold/15 has-focus-visible:outline-3 has-focus-visible:outline-gold">
                  <input type="radio" name="editor-mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="sr-only" />
                  {label}
                </label>
              ))}
            </fieldset>
            <button type="button" className={button} onClick={undo} disabled={!history.past.length} aria-keyshortcuts="Control+Z">
              Undo{history.past.length ? ` (${history.past.length})` : ""}
            </button>
            <span className="flex items-center gap-1" aria-label="Zoom" role="group">
              <button type="button" className={button} onClick={() => setCell((c) => Math.max(MIN_CELL, c - 4))} disabled={cell <= MIN_CELL} aria-label="Zoom out">
                −
              </button>
              <button type="button" className={button} onClick={fit}>
                Fit
              </button>
              <button type="button" className={button} onClick={() => setCell((c) => Math.min(MAX_CELL, c + 4))} disabled={cell >= MAX_CELL} aria-label="Zoom in">
                +
              </button>
            </span>
          </div>
          {mode === "select" && (
            <div className="flex flex-wrap items-center gap-2 rounded-lg border border-line bg-panel p-2 text-sm" data-testid="selection-bar">
              <span role="status">
                {selected ? `${plural(selected.seats, "seat")} selected (${plural(selected.places, "place")})` : "Nothing selected: drag over the grid, or ⇥ to select a row."}
              </span>
              <button type="button" className={button} onClick={applyToSelection} disabled={!selection}>
                Apply to selection: {toolLabel(tool)}
              </button>
              <button type="button" className={button} onClick={() => setSelection(null)} disabled={!selection}>
                Clear selection
              </button>
            </div>
          )}
          <div ref={scrollerBox}>
            <EditorGrid
              state={state}
              sold={props.sold}
              brushLabel={toolLabel(tool)}
              mode={mode}
              cell={cell}
              selection={selection}
              onCell={onCell}
              onSelect={onSelect}
              onSelectRow={onSelectRow}
              onSelectBlock={onSelectBlock}
              onRename={onRename}
              onRemoveRow={onRemoveRow}
            />
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={() => edit((s) => addRow(s, true))}>
              Add row like the last
            </button>
            <button type="button" className={button} onClick={() => edit((s) => addRow(s, false))}>
              Add empty row
            </button>
            <button type="button" className={button} onClick={() => edit((s) => resizeWidth(s, 1))}>
              Add column
            </button>
            <button
              type="button"
              className={button}
              onClick={() => edit((s) => resizeWidth(s, -1))}
              disabled={state.width <= 1 || state.rows.some((r) => r.cells[state.width - 1])}
              title="Only an empty last column can be removed"
            >
              Remove last column
            </button>
          </div>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" checked={state.autoNumber} onChange={(e) => {
              const on = e.target.checked;
              edit((s) => setAutoNumber(s, on));
            }} className="h-4 w-4 accent-[#f5c451]" />
            Number seats 1, 2, 3… from the left in every row
          </label>
        </div>
        <div className="space-y-5">
          <BrushPicker tool={tool} tiers={state.tiers} onChange={setTool} />
          <TierList
            tiers={state.tiers}
            inUse={(t) => tierInUse(state, t)}
            onAdd={(name) => edit((s) => addTier(s, name))}
            onRemove={(name) => {
              edit((s) => removeTier(s, name));
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
            <button type="button" className={button} onClick={() => edit(() => fromProps(props))}>
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
