import "server-only";
import { Document, Image, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { formatMoney } from "@/lib/money";
import { qrPngDataUrl } from "@/lib/tickets/qr";
import { groupTicketCode } from "@/lib/tickets/code";
import { PAGE_SIZE, styles } from "@/lib/tickets/ticket-pdf-styles";

export type TicketPdfSeat = { ticketId: string; code: string; row: string; seatNumber: number; tier: string; amount: number; ticketType?: string };

export type TicketPdfData = {
  orderId: string;
  // The booking reference as the customer reads it ("K7QF-2M9P"): what the door searches by.
  reference: string;
  movieTitle: string;
  rating?: string;
  runtimeMinutes?: number;
  /** The show's tags as printed ("IMAX · Audio description"); empty: none. */
  tags?: string;
  theaterName: string;
  theaterAddress?: string;
  screenName: string;
  startsAt: Date;
  timeZone: string;
  currency: string;
  customerEmail?: string;
  tickets: TicketPdfSeat[];
  /** The order's receipt rows (tickets by type, fees, tax, discount, total), printed on every ticket. */
  receipt?: { label: string; amount: string }[];
};

/** One PDF page per seat, each with its own QR; the bytes to attach to an email or download. */
export async function renderTicketsPdf(data: TicketPdfData): Promise<Buffer> {
  if (data.tickets.length === 0) throw new Error("A ticket PDF needs at least one ticket");
  const qrs = await Promise.all(data.tickets.map((t) => qrPngDataUrl(t.code)));
  return renderToBuffer(<TicketsDocument data={data} qrs={qrs} />);
}

function TicketsDocument({ data, qrs }: { data: TicketPdfData; qrs: string[] }) {
  const when = showTime(data.startsAt, data.timeZone);
  return (
    <Document
      title={`${data.movieTitle} — tickets`}
      subject={`Booking ${data.reference}`}
      author="Marquee"
      creator="Marquee"
      producer="Marquee"
      language="en"
    >
      {data.tickets.map((ticket, i) => (
        <TicketPage key={ticket.ticketId} data={data} ticket={ticket} qr={qrs[i]} when={when} index={i} />
      ))}
    </Document>
  );
}

type PageProps = { data: TicketPdfData; ticket: TicketPdfSeat; qr: string; when: ShowTime; index: number };

// The card is wrap={false}: a ticket is one sheet, and long text is clipped by maxLines instead of
// pushing the QR onto a page of its own. The Page itself must keep wrapping on: in react-pdf 4.9
// wrap={false} on a Page drops its fixed height and shrinks the sheet to its content.
function TicketPage({ data, ticket, qr, when, index }: PageProps) {
  const count = data.tickets.length;
  return (
    <Page size={PAGE_SIZE} style={styles.page}>
      <View style={styles.card} wrap={false}>
        <View style={styles.header}>
          <Text style={styles.brand}>MARQUEE</Text>
          <Text style={styles.admit}>ADMIT ONE · {index + 1} OF {count}</Text>
        </View>

        <View style={styles.body}>
          <Text style={titleStyle(data.movieTitle)} hyphenationCallback={wholeWords}>
            {data.movieTitle}
          </Text>
          <MetaLine rating={data.rating} runtimeMinutes={data.runtimeMinutes} />
          {data.tags ? (
            <Text style={styles.tags} hyphenationCallback={wholeWords}>
              {data.tags}
            </Text>
          ) : null}

          <View style={styles.section}>
            <Text style={styles.label}>DATE AND TIME</Text>
            <Text style={styles.date}>{when.date}</Text>
            <Text style={styles.time}>{when.time}</Text>
          </View>

          <View style={styles.section}>
            <Text style={styles.label}>THEATER</Text>
            <Text style={styles.strong} hyphenationCallback={wholeWords}>
              {data.theaterName}
            </Text>
            {data.theaterAddress ? (
              <Text style={styles.small} hyphenationCallback={wholeWords}>
                {data.theaterAddress}
              </Text>
            ) : null}
            <Text style={[styles.label, { marginTop: 7 }]}>SCREEN</Text>
            <Text style={styles.strong} hyphenationCallback={wholeWords}>
              {data.screenName}
            </Text>
          </View>

          <View style={styles.seatStrip}>
            <SeatBox label="ROW" value={ticket.row} />
            <SeatBox label="SEAT" value={String(ticket.seatNumber)} gap />
            <View style={[styles.seatBox, styles.seatBoxGap]}>
              <Text style={styles.label}>TIER</Text>
              <Text style={styles.tierValue} hyphenationCallback={wholeWords}>
                {capitalize(ticket.tier)}
              </Text>
              {ticket.ticketType ? <Text style={styles.typeValue}>{ticket.ticketType}</Text> : null}
              <Text style={styles.price}>{formatMoney(ticket.amount, data.currency)}</Text>
            </View>
          </View>
        </View>

        <Perforation />

        <View style={styles.stub}>
          {/* eslint-disable-next-line jsx-a11y/alt-text -- react-pdf images have no alt text */}
          <Image src={qr} style={styles.qr} />
          <Text style={styles.code}>{groupTicketCode(ticket.code)}</Text>
          <Text style={styles.stubSeat}>
            Row {ticket.row} · Seat {ticket.seatNumber} · {when.shortDate}
          </Text>
          <Text style={styles.hint}>Show this code at the door. Each code admits one person, once.</Text>
        </View>

        <View style={styles.footer}>
          <View style={styles.footerRow}>
            <Text style={styles.footerLabel}>BOOKING</Text>
            <Text style={styles.orderId}>{data.reference}</Text>
          </View>
          {data.customerEmail ? (
            <View style={styles.footerRow}>
              <Text style={styles.footerLabel}>ISSUED TO</Text>
              <Text style={styles.footerText}>{shorten(data.customerEmail, 52)}</Text>
            </View>
          ) : null}
          {data.receipt?.length ? (
            <Text style={styles.receipt}>PAID  {data.receipt.map((r) => `${r.label} ${r.amount}`).join(" · ")}</Text>
          ) : null}
        </View>
      </View>
    </Page>
  );
}

function MetaLine({ rating, runtimeMinutes }: { rating?: string; runtimeMinutes?: number }) {
  const runtime = runtimeMinutes ? formatRuntime(runtimeMinutes) : undefined;
  if (!rating && !runtime) return null;
  return (
    <View style={styles.metaRow}>
      {rating ? <Text style={styles.rating}>{rating}</Text> : null}
      {runtime ? <Text style={styles.meta}>{runtime}</Text> : null}
    </View>
  );
}

function SeatBox({ label, value, gap }: { label: string; value: string; gap?: boolean }) {
  return (
    <View style={gap ? [styles.seatBox, styles.seatBoxGap] : styles.seatBox}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.seatValue}>{value}</Text>
    </View>
  );
}

function Perforation() {
  return (
    <View style={styles.perforation}>
      <View style={styles.dashes} />
      <View style={[styles.notch, styles.notchLeft]} />
      <View style={[styles.notch, styles.notchRight]} />
    </View>
  );
}

type ShowTime = { date: string; time: string; shortDate: string };

// Always the theater's wall clock: a customer travelling, or a server in UTC, must not shift it.
function showTime(startsAt: Date, timeZone: string): ShowTime {
  const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone, ...options }).format(startsAt);
  return {
    date: fmt({ weekday: "long", month: "long", day: "numeric", year: "numeric" }),
    time: fmt({ hour: "numeric", minute: "2-digit", timeZoneName: "short" }),
    // The stub names the zone too: a ticket for Los Angeles read in New York says "PST".
    shortDate: fmt({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }),
  };
}

// Two lines at full size hold about 40 characters; longer titles step down before they are cut.
function titleStyle(title: string) {
  return title.length > 40 ? [styles.title, styles.titleLong] : styles.title;
}

function formatRuntime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${m.toString().padStart(2, "0")} min` : `${m} min`;
}

// Keeps both ends of a long address readable ("ada.lovelace…@example.com") on one footer line.
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.floor((max - 1) / 2);
  return text.slice(0, max - 1 - tail) + "…" + text.slice(text.length - tail);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Names and addresses read badly when hyphenated mid-word, so lines break between words; only a
// word too long for any line may break inside, since an unbreakable one would run off the ticket.
function wholeWords(word: string): string[] {
  return word.length > 18 ? Array.from(word) : [word];
}
