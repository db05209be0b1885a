"use client";
import Link from "next/link";
import { useId, useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";
import type { PriceCardView } from "@/lib/pricing/types";
import { formatDay } from "@/lib/time";
import { inputClass, LabelledField } from "@/components/admin/forms/labelled-field";
import { tagLine } from "@/lib/show-tags";
import { tagsOfScreenFormat } from "@/lib/catalog/screen-format-tags";
import { CardPreview } from "./card-preview";
import { TagCheckboxes } from "./tag-checkboxes";

type ScreenChoice = { id: string; name: string; tiers: string[]; theaterName: string; format: string; timeZone: string };
type MovieChoice = { id: string; title: string; runtimeMinutes: number };
type Scheduled = { showIds: string[]; dates: string[]; cards: { date: string; card: string; why: string }[]; tags: string[] };
type Clash = { date: string; day: string; with: string[] };

const WEEK = 7;

/**
 * Schedules a movie on a screen at one time, once or every day for a week. Each show gets the
 * price card its rules pick for its own day (previewed below the fields), or the card chosen here.
 * The server refuses the whole batch when any day clashes or has no card. Tags start as the ones
 * the screen's format names (an IMAX screen: IMAX) and are ticked here for every show of the batch.
 */
export function ScheduleForm({ movies, screens, cards, firstDate, schedule }: { movies: MovieChoice[]; screens: ScreenChoice[]; cards: PriceCardView[]; firstDate: string; schedule: (input: unknown) => Promise<ActionResult<Scheduled>> }) {
  const id = useId();
  const [values, setValues] = useState({ movieId: "", screenId: screens[0]?.id ?? "", date: firstDate, time: "19:30", week: false, priceCardId: "" });
  const [tags, setTags] = useState<string[]>(() => tagsOfScreenFormat(screens[0]?.format ?? ""));
  const [result, setResult] = useState<ActionResult<Scheduled> | null>(null);
  const [pending, startTransition] = useTransition();
  const screen = screens.find((s) => s.id === values.screenId);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const clashes = result && !result.ok ? ((result.details?.clashes as Clash[] | undefined) ?? []) : [];

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const input = { movieId: values.movieId, screenId: values.screenId, date: values.date, time: values.time, days: values.week ? WEEK : 1, priceCardId: values.priceCardId, tags };
    startTransition(async () => {
      const answer = await schedule(input);
      setResult(answer);
      if (!answer.ok) requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
    });
  };

  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-describedby={`${id}-outcome`}>
      <LabelledField id={`${id}-movie`} label="Movie" errors={errors.movieId}>
        <select value={values.movieId} onChange={set("movieId")} className={inputClass}>
          <option value="">Choose a movie</option>
          {movies.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title} ({m.runtimeMinutes} min)
            </option>
          ))}
        </select>
      </LabelledField>
      <LabelledField id={`${id}-screen`} label="Screen" errors={errors.screenId}>
        <select
          value={values.screenId}
          onChange={(e) => {
            set("screenId")(e);
            // Another screen: its format's tags (an admin ticks the rest again).
            setTags(tagsOfScreenFormat(screens.find((s) => s.id === e.target.value)?.format ?? ""));
          }}
          className={inputClass}
        >
          {screens.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </LabelledField>
      <div className="grid grid-cols-2 gap-3">
        <LabelledField id={`${id}-date`} label="Date" errors={errors.date}>
          <input type="date" value={values.date} onChange={set("date")} className={inputClass} />
        </LabelledField>
        <LabelledField id={`${id}-time`} label="Start time" hint="Theater time" errors={errors.time}>
          <input type="time" value={values.time} onChange={set("time")} className={inputClass} />
        </LabelledField>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={values.week} onChange={(e) => setValues((v) => ({ ...v, week: e.target.checked }))} className="h-4 w-4 accent-[#f5c451]" />
        Repeat every day for a week ({WEEK} shows)
      </label>
      {errors.days && <p className="text-sm text-red-300">{errors.days[0]}</p>}
      <LabelledField id={`${id}-card`} label="Price card" hint="By the rules: each show gets the card that fits its day and time" errors={errors.priceCardId}>
        <select value={values.priceCardId} onChange={set("priceCardId")} className={inputClass}>
          <option value="">By the rules</option>
          {cards.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </LabelledField>
      <TagCheckboxes id={`${id}-tags`} legend="Tags" selected={tags} onChange={setTags} errors={errors.tags} />
      {screen && (
        <CardPreview id={`${id}-preview`} cards={cards} date={values.date} time={values.time} days={values.week ? WEEK : 1} timeZone={screen.timeZone} format={screen.format} tiers={screen.tiers} overrideId={values.priceCardId} />
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-gold px-4 py-2 font-semibold text-ink hover:brightness-110 disabled:opacity-60">
        {pending ? "Scheduling…" : values.week ? `Schedule ${WEEK} shows` : "Schedule show"}
      </button>
      <div id={`${id}-outcome`} role="status" aria-live="polite" data-testid="schedule-outcome">
        {result?.ok && (
          <p className="rounded-lg border border-emerald-400 bg-emerald-400/10 p-3 text-sm text-emerald-50">
            Scheduled {result.data.showIds.length === 1 ? "1 show" : `${result.data.showIds.length} shows`}:{" "}
            {result.data.dates.map(formatDay).join(", ")} at {values.time}, priced by{" "}
            {[...new Set(result.data.cards.map((c) => c.card))].join(" and ")}
            {result.data.tags.length ? `, tagged ${tagLine(result.data.tags)}` : ""}.{" "}
            <Link href={`/admin/shows?date=${result.data.dates[0]}`} className="underline">
              See {formatDay(result.data.dates[0])}
            </Link>
          </p>
        )}
        {result && !result.ok && (
          <div className="rounded-lg border border-red-400 bg-red-400/10 p-3 text-sm text-red-50">
            <p>{result.fieldErrors ? "Nothing was scheduled: please check the highlighted fields." : result.message}</p>
            {clashes.length > 0 && (
              <ul className="list-disc pl-5">
                {clashes.map((c) => (
                  <li key={c.date}>
                    {c.day}: clashes with {c.with.join(", ")}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
