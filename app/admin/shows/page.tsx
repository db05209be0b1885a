import Link from "next/link";
import { getDb } from "@/db/client";
import { schedulingChoices, showsWithOccupancy } from "@/db/queries/shows";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { adminTheaters } from "@/lib/admin/current-theater";
import { priceCardsOfTheater } from "@/db/queries/pricing";
import { showCardInWords } from "@/lib/pricing-admin/show-card-words";
import { addDays, formatDay, formatTime, isIsoDate, localDate, localDays, localTime24 } from "@/lib/time";
import { DateStrip } from "@/components/date-strip";
import { CancelShowButton } from "@/components/admin/shows/cancel-show-button";
import { ScheduleForm } from "@/components/admin/shows/schedule-form";
import { ShowCardCell } from "@/components/admin/shows/show-card-cell";
import { ShowTagsCell } from "@/components/admin/shows/show-tags-cell";
import { WaitingRoomForm } from "@/components/admin/shows/waiting-room-form";
import { cancelShowAction, scheduleShowsAction, setShowCardAction, setShowTagsAction, setWaitingRoomAction } from "./actions";
import { AdminTable } from "@/components/admin/admin-table";
import { TitledSection } from "@/components/titled-section";

export const metadata = { title: "Shows" };

const DAYS_SHOWN = 14;

export default async function ShowsPage({ searchParams }: { searchParams: Promise<{ date?: string }> }) {
  const actor = await requireAdminPage();
  const db = await getDb();
  const theater = (await adminTheaters(actor)).current;
  if (!theater) return <p>No theater is set up yet.</p>;
  const tz = theater.timeZone;
  const today = localDate(new Date(), tz);
  const requested = (await searchParams).date;
  const date = isIsoDate(requested) ? requested : today;
  // The strip covers the coming two weeks; other days are reached with the date field below it.
  const dates = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(today, i));
  const [shows, choices, cards] = await Promise.all([
    showsWithOccupancy(db, { ...localDays(date, tz), theaterIds: [theater.id] }),
    schedulingChoices(db, theater.id),
    priceCardsOfTheater(db, theater.id, { includeRetired: true }),
  ]);
  const liveCards = cards.filter((c) => !c.retiredAt);
  const now = new Date();

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Shows</h1>
        <p className="text-sm text-zinc-300">
          {theater.name} · times in {tz.replace("_", " ")}
        </p>
      </div>

      <section aria-labelledby="day-heading" className="space-y-3">
        <DateStrip dates={dates} selected={date} hrefFor={(d) => `/admin/shows?date=${d}`} />
        <form method="get" className="flex items-end gap-2 text-sm">
          <div>
            <label htmlFor="jump-date" className="block text-xs text-zinc-300">
              Another day
            </label>
            <input id="jump-date" type="date" name="date" defaultValue={date} className="h-9 rounded-md border border-line bg-ink px-2 text-white focus:border-gold" />
          </div>
          <button className="h-9 rounded-md border border-line px-3 hover:border-zinc-300">Show day</button>
        </form>
        <h2 id="day-heading" className="text-lg font-semibold">
          {formatDay(date)}
          {date === today ? " (today)" : ""}
        </h2>
        {shows.length === 0 ? (
          <p className="rounded-lg border border-line bg-panel p-4 text-zinc-200">No shows on {formatDay(date)}.</p>
        ) : (
          <AdminTable columns={[{ label: "Time" }, { label: "Movie" }, { label: "Screen" }, { label: "Sold", align: "right" }, { label: "Price card" }, { label: "Tags" }, { label: "Status" }, { label: "Actions", visuallyHidden: true }]}>
            {shows.map((s) => {
              const what = `${s.title} at ${formatTime(s.startsAt, tz)} on ${s.screenName}`;
              const over = s.endsAt <= now;
              return (
                <tr key={s.id} className="border-t border-line align-top" data-testid="admin-show-row">
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                    <time dateTime={s.startsAt.toISOString()}>{formatTime(s.startsAt, tz)}</time>–{formatTime(s.endsAt, tz)}
                  </td>
                  <th scope="row" className="px-3 py-2 font-semibold">{s.title}</th>
                  <td className="px-3 py-2">{s.screenName}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {s.sold} / {s.capacity}
                  </td>
                  <td className="min-w-48 px-3 py-2">
                    <ShowCardCell
                      showId={s.id}
                      what={what}
                      {...showCardInWords(s, cards)}
                      fromPrices={s.prices}
                      currency={s.currency}
                      editable={s.status === "scheduled" && s.startsAt > now}
                      hasOrders={s.hasOrders}
                      cards={liveCards.map((c) => ({ id: c.id, name: c.name }))}
                      setCard={setShowCardAction}
                    />
                  </td>
                  <td className="min-w-32 px-3 py-2">
                    <ShowTagsCell showId={s.id} what={what} tags={s.tags} editable={s.status === "scheduled" && !over} setTags={setShowTagsAction} />
                  </td>
                  <td className="px-3 py-2">
                    {s.status === "cancelled" ? <span className="text-red-300">Cancelled</span> : over ? "Over" : "On sale"}
                  </td>
                  <td className="space-y-1 px-3 py-2">
                    <div className="flex flex-wrap gap-x-3 gap-y-1">
                      <Link href={`/admin/check-in/${s.id}`} className="inline-flex min-h-11 items-center text-gold underline-offset-2 hover:underline" aria-label={`Door check-in: ${what}`}>
                        Check-in
                      </Link>
                      {!over && s.status !== "cancelled" && (
                        <Link href={`/admin/shows/${s.id}/box-office`} className="inline-flex min-h-11 items-center text-gold underline-offset-2 hover:underline" aria-label={`Box office: ${what}`}>
                          Box office
                        </Link>
                      )}
                      <Link href={`/shows/${s.id}`} className="inline-flex min-h-11 items-center text-zinc-200 underline-offset-2 hover:underline" aria-label={`Seat map: ${what}`}>
                        Seat map
                      </Link>
                    </div>
                    {!over && s.status === "scheduled" && (
                      <WaitingRoomForm
                        showId={s.id}
                        what={what}
                        date={s.waitingRoomFrom ? localDate(s.waitingRoomFrom, tz) : localDate(s.startsAt, tz)}
                        current={
                          s.waitingRoomFrom && s.admissionPerMinute
                            ? { label: `${formatDay(localDate(s.waitingRoomFrom, tz))} ${formatTime(s.waitingRoomFrom, tz)}`, time: localTime24(s.waitingRoomFrom, tz), perMinute: s.admissionPerMinute }
                            : null
                        }
                        save={setWaitingRoomAction}
                      />
                    )}
                    {!over && <CancelShowButton showId={s.id} what={what} sold={s.sold} cancelled={s.status === "cancelled"} cancel={cancelShowAction} />}
                  </td>
                </tr>
              );
            })}
          </AdminTable>
        )}
      </section>

      <TitledSection id="schedule-heading" title="Schedule a show" panel className="max-w-xl space-y-3">
        <p className="text-sm text-zinc-300">A screen is busy for the movie&apos;s runtime plus 15 minutes of cleaning; a show that would overlap another is refused. Prices come from the <Link href="/admin/pricing" className="text-gold underline">price cards</Link>.</p>
        <ScheduleForm key={date < today ? today : date} movies={choices.movies} screens={choices.screens} cards={liveCards} firstDate={date < today ? today : date} schedule={scheduleShowsAction} />
      </TitledSection>
    </div>
  );
}
