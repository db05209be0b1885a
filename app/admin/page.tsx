import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { seatStatesOfShow } from "@/db/queries/shows";
import { showWithVenue } from "@/db/queries/show-with-venue";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { managesTheater } from "@/lib/auth/theater-scope";
import { AppError } from "@/lib/errors";
import { percent } from "@/lib/admin/chart-scale";
import { dashboardData } from "@/lib/admin/dashboard-data";
import { doorByDay, revenueByChannel, revenueByDay, revenueByMovie, revenueByTicketType } from "@/lib/admin/dashboard-report";
import { formatMoney, formatMoneyCompact } from "@/lib/money";
import { addDays, formatDateTime, formatDay, formatTime, localDate } from "@/lib/time";
import { BarList } from "@/components/admin/dashboard/bar-list";
import { ColumnChart } from "@/components/admin/dashboard/column-chart";
import { RevenueByTypeTable } from "@/components/admin/dashboard/revenue-by-type-table";
import { SeatHeatMap } from "@/components/admin/dashboard/seat-heat-map";
import { TheaterFiguresTable } from "@/components/admin/dashboard/theater-figures-table";
import { TitledSection } from "@/components/titled-section";

export const metadata = { title: "Dashboard" };

const PERIODS = [7, 14, 30] as const;
const querySchema = z.object({
  days: z.coerce.number().pipe(z.union(PERIODS.map((p) => z.literal(p)))).catch(14),
  show: z.uuid().optional().catch(undefined),
  // Issue 19: one theater, or (absent) every theater in the actor's scope with the chain total.
  theater: z.string().trim().min(1).max(64).optional().catch(undefined),
});

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdminPage();
  const { days, show: chosenShowId, theater: theaterParam } = querySchema.parse(await searchParams);
  const db = await getDb();
  const data = await dashboardData(db, actor, { days, theaterId: theaterParam }).catch((err: unknown) => {
    // A theater outside the actor's scope is answered as one that does not exist.
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  if (!data) return <p>No theater is set up yet.</p>;
  const { paid, typeLines, orderFees, door, shows, resold, dates, today, byTheater } = data;
  const tz = data.timeZone;
  const currency = data.currency ?? data.theaters[0].currency;
  const mixedCurrencies = data.currency === null;
  const byDay = revenueByDay(paid, dates, tz);
  const byMovie = revenueByMovie(paid);
  const byType = revenueByTicketType(typeLines, orderFees);
  const byChannel = revenueByChannel(paid);
  const byDayOnline = revenueByDay(paid.filter((p) => p.channel === "online"), dates, tz);
  const byDayCounter = revenueByDay(paid.filter((p) => p.channel === "box_office"), dates, tz);
  const doorDays = doorByDay(door, dates, tz);
  const revenueTotal = byDay.reduce((sum, d) => sum + d.amount, 0);
  const soldTotal = doorDays.reduce((sum, d) => sum + d.sold, 0);
  const admittedTotal = doorDays.reduce((sum, d) => sum + d.admitted, 0);

  // The heat map shows the chosen show (404 outside the report's theaters), else the best-selling one on the list.
  const heatShowId = chosenShowId ?? [...shows].sort((a, b) => b.sold - a.sold)[0]?.id;
  const heatShow = heatShowId ? await showWithVenue(db, heatShowId) : null;
  if (chosenShowId && (!heatShow || !data.theaters.some((t) => t.id === heatShow.screen.theaterId) || !managesTheater(actor, heatShow.screen.theaterId))) notFound();
  const heatSeats = heatShow ? await seatStatesOfShow(db, heatShow.show.id, heatShow.screen.id) : [];
  const heatZone = heatShow ? (data.theaters.find((t) => t.id === heatShow.screen.theaterId)?.timeZone ?? tz) : tz;

  const money = (minor: number) => formatMoney(minor, currency);
  const shortMoney = (minor: number) => formatMoneyCompact(minor, currency);
  const dayLabels = dates.map((d) => formatDay(d).replace(/^\w+, /, ""));
  const csvFrom = addDays(today, -29);
  const theaterQuery = data.chosen ? `&theater=${data.chosen.id}` : "";
  const scopeName = data.theaters.length === 1 ? data.theaters[0].name : actor.scope.all ? "all theaters" : "your theaters";

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Dashboard</h1>
          <p className="text-sm text-zinc-300">
            Sales of the last {days} days at {scopeName}, by {data.theaters.length > 1 ? "each theater's own calendar" : `the theater's calendar (${tz})`}.
          </p>
        </div>
        <nav aria-label="Period">
          <ul className="flex gap-1">
            {PERIODS.map((p) => (
              <li key={p}>
                <Link
                  href={`/admin?days=${p}${theaterQuery}`}
                  aria-current={p === days ? "true" : undefined}
                  className={`block rounded-md border px-3 py-1.5 text-sm ${p === days ? "border-gold bg-gold text-ink" : "border-line text-zinc-200 hover:border-zinc-400"}`}
                >
                  {p} days
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {data.inScope.length > 1 && (
        <nav aria-label="Theater">
          <ul className="flex flex-wrap gap-1">
            {[{ id: "", name: actor.scope.all ? "All theaters" : "All your theaters" }, ...data.inScope].map((t) => {
              const current = (data.chosen?.id ?? "") === t.id;
              return (
                <li key={t.id || "all"}>
                  <Link
                    href={`/admin?days=${days}${t.id ? `&theater=${t.id}` : ""}`}
                    aria-current={current ? "true" : undefined}
                    className={`flex min-h-11 items-center rounded-md border px-3 text-sm ${current ? "border-gold bg-gold text-ink" : "border-line text-zinc-200 hover:border-zinc-400"}`}
                  >
                    {t.name}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {[
          ["Revenue", mixedCurrencies ? Object.entries(byTheater.total.revenue).map(([c, minor]) => formatMoney(minor, c)).join(" + ") : money(revenueTotal)],
          ["Paid orders", String(paid.length)],
          ["Tickets, shows to date", String(soldTotal)],
          ["Checked in", `${admittedTotal} (${percent(admittedTotal, soldTotal)}%)`],
          // Issue 21: seats of paid orders that came from a waitlist offer (all time).
          ["Resold via waitlist", String(resold)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl border border-line bg-panel p-4">
            <dt className="text-sm text-zinc-300">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      {data.theaters.length > 1 && (
        <TitledSection id="by-theater" title="By theater" panel>
          <p className="text-sm text-zinc-300">Revenue and orders paid in this period; tickets, occupancy and check-ins of its shows up to today. The last row is the total of the rows above.</p>
          <TheaterFiguresTable rows={byTheater.rows} total={byTheater.total} totalLabel={actor.scope.all ? "Chain total" : "Total"} caption={`Figures by theater, last ${days} days`} />
        </TitledSection>
      )}

      {mixedCurrencies ? (
        <p className="rounded-xl border border-line bg-panel p-4 text-zinc-300">These theaters sell in different currencies: choose one theater above to see its revenue charts.</p>
      ) : (
        <>
          <TitledSection id="revenue-by-day" title="Revenue by day" panel>
            <ColumnChart
              caption={`Revenue by day, last ${days} days`}
              labels={dayLabels}
              series={[
                { name: "Online", colour: "#f5c451", values: byDayOnline.map((d) => d.amount) },
                { name: "Box office", colour: "#c084fc", values: byDayCounter.map((d) => d.amount) },
              ]}
              formatShort={shortMoney}
              formatValue={money}
              minTop={10_000}
            />
          </TitledSection>

          <TitledSection id="revenue-by-type" title="Revenue by ticket type" panel>
            <p className="text-sm text-zinc-300">Orders paid in this period. Gross is what customers paid; net is gross less tax; booking fees are part of gross.</p>
            {byType.lines.length ? (
              <RevenueByTypeTable lines={byType.lines} total={byType.total} money={money} caption={`Revenue by ticket type, last ${days} days`} />
            ) : (
              <p className="text-zinc-300">No paid orders in this period yet.</p>
            )}
          </TitledSection>

          <TitledSection id="sales-by-channel" title="Sales by channel" panel>
            <table className="w-full text-sm" data-testid="sales-by-channel">
              <caption className="sr-only">Paid orders and revenue by sales channel, last {days} days</caption>
              <thead>
                <tr className="text-left text-zinc-300">
                  <th scope="col" className="py-1 pr-3 font-normal">Channel</th>
                  <th scope="col" className="py-1 pr-3 text-right font-normal">Orders</th>
                  <th scope="col" className="py-1 text-right font-normal">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {byChannel.map((c) => (
                  <tr key={c.channel} className="border-t border-line" data-testid={`channel-${c.channel}`}>
                    <th scope="row" className="py-2 pr-3 text-left font-semibold">{c.name}</th>
                    <td className="py-2 pr-3 text-right tabular-nums">{c.orders}</td>
                    <td className="py-2 text-right tabular-nums">{money(c.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TitledSection>

          <TitledSection id="revenue-by-movie" title="Revenue by movie" panel>
            {byMovie.length ? (
              <BarList
                label="Revenue by movie"
                max={byMovie[0].amount}
                items={byMovie.map((m) => ({ key: m.movieId, label: m.title, value: m.amount, text: `${money(m.amount)} · ${m.orders} order${m.orders === 1 ? "" : "s"}` }))}
              />
            ) : (
              <p className="text-zinc-300">No paid orders in this period yet.</p>
            )}
          </TitledSection>

        </>
      )}

      <TitledSection id="door" title="Tickets sold and checked in" panel>
        <p className="text-sm text-zinc-300">Tickets of the shows in this period up to today, by the day of the show.</p>
        <ColumnChart
          caption={`Tickets sold and checked in by show day, last ${days} days`}
          labels={dayLabels}
          series={[
            { name: "Sold", colour: "#7dd3fc", values: doorDays.map((d) => d.sold) },
            { name: "Checked in", colour: "#34d399", values: doorDays.map((d) => d.admitted) },
          ]}
          formatShort={(n) => String(Math.round(n))}
          formatValue={(n) => `${n} ticket${n === 1 ? "" : "s"}`}
          minTop={5}
        />
      </TitledSection>

      <TitledSection id="occupancy" title="Occupancy, today and the next two days" panel>
        <p className="text-sm text-zinc-300">Choose a show to see where its seats were sold.</p>
        {shows.length ? (
          <BarList
            label="Seats sold per show"
            twoColumns
            max={100}
            colour="#7dd3fc"
            items={shows.map((s) => ({
              key: s.id,
              label: `${formatDay(localDate(s.startsAt, s.timeZone))} ${formatTime(s.startsAt, s.timeZone)} · ${s.title} · ${data.theaters.length > 1 ? `${s.theaterName} · ` : ""}${s.screenName}${s.status === "cancelled" ? " (cancelled)" : ""}`,
              value: percent(s.sold, s.capacity),
              text: `${s.sold} of ${s.capacity} · ${percent(s.sold, s.capacity)}%`,
              href: `/admin?days=${days}${theaterQuery}&show=${s.id}#seat-map`,
              current: s.id === heatShow?.show.id,
            }))}
          />
        ) : (
          <p className="text-zinc-300">No shows in these three days.</p>
        )}
      </TitledSection>

      {heatShow && (
        <section id="seat-map" aria-labelledby="seat-map-title" className="space-y-3 rounded-xl border border-line bg-panel p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="seat-map-title" className="text-lg font-semibold">
              Seats sold: {heatShow.movie.title}
            </h2>
            <p className="text-sm text-zinc-300">
              {formatDateTime(heatShow.show.startsAt, heatZone)} · {heatShow.theater.name} · {heatShow.screen.name} ·{" "}
              <Link href={`/admin/bookings?show=${heatShow.show.id}`} className="text-gold underline">
                Bookings
              </Link>{" "}
              ·{" "}
              <Link href={`/admin/check-in/${heatShow.show.id}`} className="text-gold underline">
                Door check-in
              </Link>
            </p>
          </div>
          <SeatHeatMap seats={heatSeats} caption={`Seat map of ${heatShow.movie.title} at ${formatDateTime(heatShow.show.startsAt, heatZone)}`} />
        </section>
      )}

      <TitledSection id="export" title="Export orders" panel>
        <form method="get" action="/admin/orders.csv" className="flex flex-wrap items-end gap-3">
          {data.chosen && <input type="hidden" name="theater" value={data.chosen.id} />}
          <label className="grid gap-1 text-sm">
            From
            <input type="date" name="from" defaultValue={csvFrom} required className="rounded-md border border-line bg-ink px-3 py-2" />
          </label>
          <label className="grid gap-1 text-sm">
            To
            <input type="date" name="to" defaultValue={today} required className="rounded-md border border-line bg-ink px-3 py-2" />
          </label>
          <button className="rounded-lg bg-gold px-4 py-2 font-semibold text-ink">Download CSV</button>
        </form>
        <p className="text-sm text-zinc-300">
          Or <a href={`/admin/orders.csv${data.chosen ? `?theater=${data.chosen.id}` : ""}`} className="text-gold underline">download the last 30 days</a> as a spreadsheet (CSV), with {data.chosen ? `${data.chosen.name}'s orders` : `the orders of ${scopeName}`} and a theater column.
        </p>
      </TitledSection>
    </div>
  );
}
