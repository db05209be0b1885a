import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signTicketCode, verifyTicketCode } from "@/lib/tickets/code";
import { renderTicketsPdf, type TicketPdfData } from "@/lib/tickets/ticket-pdf";

// Real bytes, read back by real tools: poppler-utils (pdfinfo, pdftotext, pdftoppm) must be installed.
const SECRET = "integration-secret-integration-secret";
const work = mkdtempSync(path.join(tmpdir(), "marquee-ticket-pdf-"));

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${tool} not found: install poppler-utils (apt-get install -y poppler-utils) to run the ticket PDF tests`);
    }
    throw err;
  }
}

function order(overrides: Partial<TicketPdfData> = {}, seats = [7, 8, 9, 10]): TicketPdfData {
  return {
    orderId: "9c8d7e6f-1234-4abc-8def-0123456789ab",
    reference: "K7QF-2M9P",
    movieTitle: "Dune: Part Two",
    rating: "PG-13",
    runtimeMinutes: 166,
    theaterName: "Marquee Riverside",
    theaterAddress: "120 River Street, Brooklyn, NY 11201",
    screenName: "Screen 1",
    startsAt: new Date("2026-11-21T23:30:00Z"),
    timeZone: "America/New_York",
    currency: "usd",
    customerEmail: "ada@example.com",
    tickets: seats.map((seatNumber, i) => {
      const ticketId = `0b6f5c1e-8d7a-4c2b-9f3e-1a2b3c4d5e${(0x60 + i).toString(16)}`;
      return { ticketId, code: signTicketCode(ticketId, SECRET), row: "F", seatNumber, tier: i === 0 ? "premium" : "standard", amount: i === 0 ? 1850 : 1450 };
    }),
    ...overrides,
  };
}

function save(name: string, pdf: Buffer): string {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

function info(file: string) {
  const out = poppler("pdfinfo", [file]);
  const size = out.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  return { pages: Number(out.match(/^Pages:\s+(\d+)/m)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

function pageText(file: string, page: number): string {
  return poppler("pdftotext", ["-f", String(page), "-l", String(page), "-layout", file, "-"]);
}

function decodeQr(file: string, page: number): string | undefined {
  const prefix = path.join(work, `${path.basename(file, ".pdf")}-p${page}`);
  poppler("pdftoppm", ["-png", "-r", "150", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
  const image = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

// Page objects as written in the file, independent of poppler: "/Type /Page" but not "/Pages".
function pageObjects(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

let data: TicketPdfData;
let pdf: Buffer;
let file: string;

beforeAll(async () => {
  data = order();
  pdf = await renderTicketsPdf(data);
  file = save("four-seats", pdf);
});

afterAll(() => {
  if (!process.env.KEEP_TICKET_PDFS) rmSync(work, { recursive: true, force: true });
});

describe("ticket PDF", () => {
  it("is a PDF with exactly one page per seat", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-8).toString("latin1")).toContain("%%EOF");
    expect(info(file).pages).toBe(4);
    expect(pageObjects(pdf)).toBe(4);
  });

  it("uses a 105 x 210 mm ticket page", () => {
    const { width, height } = info(file);
    expect(width / (72 / 25.4)).toBeCloseTo(105, 0);
    expect(height / (72 / 25.4)).toBeCloseTo(210, 0);
  });

  it("carries on each page a QR that decodes to that seat's signed code", () => {
    for (let page = 1; page <= 4; page++) {
      const text = decodeQr(file, page);
      expect(text, `page ${page}`).toBe(data.tickets[page - 1].code);
      expect(verifyTicketCode(text!, SECRET)).toEqual({ ok: true, ticketId: data.tickets[page - 1].ticketId });
    }
  });

  it("prints the QR at least 45 mm wide", () => {
    // At 150 dpi, 45 mm is 266 px. Measure the dark extent of the rendered symbol.
    const prefix = path.join(work, "measure");
    poppler("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
    const image = PNG.sync.read(readFileSync(`${prefix}.png`));
    const qrTop = Math.round(image.height * 0.55);
    let left = image.width;
    let right = -1;
    // The finder patterns are the widest solid-black runs; scan the lower half where the QR sits.
    for (let y = qrTop; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const i = (y * image.width + x) * 4;
        if (image.data[i] < 40 && image.data[i + 1] < 40 && image.data[i + 2] < 40) {
          const run = [1, 2, 3, 4, 5, 6, 7, 8].every((d) => x + d < image.width && image.data[i + d * 4] < 40);
          if (run) {
            left = Math.min(left, x);
            right = Math.max(right, x + 8);
          }
        }
      }
    }
    expect(right - left).toBeGreaterThanOrEqual(Math.round((45 / 25.4) * 150));
  });

  it("shows movie, theater, screen, seat, tier, price and booking reference in text", () => {
    const page1 = pageText(file, 1);
    expect(page1).toContain("Dune: Part Two");
    expect(page1).toContain("PG-13");
    expect(page1).toContain("2 h 46 min");
    expect(page1).toContain("Marquee Riverside");
    expect(page1).toContain("120 River Street, Brooklyn, NY 11201");
    expect(page1).toContain("Screen 1");
    expect(page1).toMatch(/ROW/i);
    expect(page1).toMatch(/SEAT/i);
    expect(page1).toMatch(/Row F . Seat 7/);
    expect(page1).toContain("Premium");
    expect(page1).toContain("$18.50");
    expect(page1).toContain("K7QF-2M9P");
    expect(page1).not.toContain("9c8d7e6f-1234-4abc-8def-0123456789ab");
    expect(page1).toContain("ada@example.com");
    expect(page1).toContain("1 OF 4");

    const page3 = pageText(file, 3);
    expect(page3).toMatch(/Row F . Seat 9/);
    expect(page3).toContain("Standard");
    expect(page3).toContain("$14.50");
    expect(page3).toContain("3 OF 4");
  });

  it("shows the date and time on the theater's clock, not the server's", () => {
    // 23:30 UTC on 21 November is 6:30 PM in New York and 12:30 AM on the 22nd in Berlin.
    const page1 = pageText(file, 1);
    expect(page1).toContain("Saturday, November 21, 2026");
    expect(page1).toContain("6:30 PM EST");
  });

  it("follows another theater's zone across midnight", async () => {
    const berlin = save("berlin", await renderTicketsPdf(order({ timeZone: "Europe/Berlin", currency: "eur" }, [3])));
    const text = pageText(berlin, 1);
    expect(text).toContain("Sunday, November 22, 2026");
    expect(text).toContain("12:30 AM");
    expect(text).toContain("€18.50");
    expect(info(berlin).pages).toBe(1);
  });

  it("prints the show's tags and names a Pacific theater's zone in the time and on the stub", async () => {
    const la = save("los-angeles", await renderTicketsPdf(order({ timeZone: "America/Los_Angeles", tags: "IMAX · Audio description" }, [5])));
    const text = pageText(la, 1);
    expect(text).toContain("IMAX · Audio description");
    // 23:30 UTC on 21 November is 3:30 PM in Los Angeles (PST).
    expect(text).toContain("Saturday, November 21, 2026");
    expect(text).toContain("3:30 PM PST");
    expect(text).toMatch(/Row F . Seat 5 . Nov 21, 3:30 PM PST/);
    expect(pageText(file, 1)).not.toContain("IMAX");
  });

  it("keeps a ticket on one page when every text field is very long", async () => {
    const long = order(
      {
        movieTitle: "The Extraordinarily Long and Winding Cinematic Adventure of Professor Bartholomew Fitzgerald-Hargreaves Returns Again",
        theaterName: "Marquee Riverside Grand Palace of Moving Pictures and Fine Refreshments",
        theaterAddress: "Unit 14B, The Old Riverside Warehouse Complex, 1200 Long Industrial Parkway Boulevard, Brooklyn, New York, NY 11201, United States of America",
        screenName: "Grand Auditorium (Large Format, Dolby Atmos, Laser Projection, Reclining Seats)",
        customerEmail: "a.very.long.email.address.for.someone.who.likes.films@subdomain.example-company.co.uk",
        rating: "NC-17",
        runtimeMinutes: 241,
        tags: "IMAX · 3D · Dolby Atmos · Dolby Cinema · 70 mm · 4DX · Japanese · English subtitles · Audio description · Open captions · Closed captions · Relaxed screening",
      },
      [101, 102],
    );
    long.tickets = long.tickets.map((t) => ({ ...t, row: "AA", tier: "premium recliner with dining service" }));
    const longFile = save("long", await renderTicketsPdf(long));
    expect(info(longFile).pages).toBe(2);
    expect(decodeQr(longFile, 2)).toBe(long.tickets[1].code);
    const text = pageText(longFile, 1);
    expect(text).toContain("BOOKING");
    expect(text).toContain("ISSUED TO");
    expect(text).toMatch(/Row AA . Seat 101/);
  });

  it("still draws a title that is one word longer than a line", async () => {
    const word = order({ movieTitle: "Supercalifragilisticexpialidociousnessness" }, [1]);
    const text = pageText(save("one-word", await renderTicketsPdf(word)), 1).replace(/[-\s]/g, "");
    expect(text).toContain("Supercalifragilisticexpialidociousnessness");
  });

  it("refuses an order without tickets", async () => {
    await expect(renderTicketsPdf(order({}, []))).rejects.toThrow(/at least one ticket/);
  });
});
