import { expect, test, type CDPSession, type Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { adultTotalOf, openFreeShow } from "./support/seat-map";
import { signInViaOutbox } from "./support/sign-in";

// Picking seats with a thumb (issue 20) on a 390 x 844 phone: the map opens with seats a
// fingertip can hit, one zoom gesture brings them to fingertip size, a tap lands on the seat
// under it even 30% of a pitch off its centre and on nothing in an aisle, row letters stay on
// the edges when zoomed and panned, nothing covers the map, and a screen reader hears each seat
// added or released. On the Grand screen (468 seats) and the 5,000-seat arena.

test.use({ viewport: { width: 390, height: 844 } });

type Cell = { id: string; row: string; number: number; price: number; state: string; x: number; y: number; w: number; h: number };
type Rect = { x: number; y: number; width: number; height: number };

/** Every seat's cell: its row, number, price (from its accessible name) and box on the page. */
async function cells(page: Page): Promise<Cell[]> {
  return page.locator("[data-seat-id]").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const [, row, number] = /^Row ([A-Z]+), seat (\d+),/.exec(el.getAttribute("aria-label") ?? "") ?? [];
      const price = /\$(\d+\.\d\d)/.exec(el.getAttribute("aria-label") ?? "")?.[1] ?? "0";
      return { id: el.getAttribute("data-seat-id")!, row, number: Number(number), price: Math.round(Number(price) * 100), state: el.getAttribute("data-state")!, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
}

const mapBox = async (page: Page): Promise<Rect> => (await page.getByRole("grid").boundingBox())!;
const inside = (c: Cell, box: Rect) => c.x >= box.x && c.y >= box.y && c.x + c.w <= box.x + box.width && c.y + c.h <= box.y + box.height;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const rectOf = (c: Cell): Rect => ({ x: c.x, y: c.y, width: c.w, height: c.h });
const centre = (c: Cell): [number, number] => [c.x + c.w / 2, c.y + c.h / 2];
/** The middle of the gap between two cells of one row. */
const tapInAisle = (left: Cell, right: Cell): [number, number] => [(left.x + left.w + right.x) / 2, left.y + left.h / 2];
const name = (c: Cell) => `${c.row}${c.number}`;
const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

function touchscreen(cdp: CDPSession) {
  return (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number }[]) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
}

/** One pinch: two fingers spread from 30 px apart to 150 px apart around (cx, cy). */
async function pinchOut(page: Page, cx: number, cy: number) {
  const touch = touchscreen(await page.context().newCDPSession(page));
  await touch("touchStart", [{ x: cx - 15, y: cy }, { x: cx + 15, y: cy }]);
  for (let d = 25; d <= 75; d += 10) await touch("touchMove", [{ x: cx - d, y: cy }, { x: cx + d, y: cy }]);
  await touch("touchEnd", []);
}

/** One finger dragged by (dx, dy). */
async function drag(page: Page, x: number, y: number, dx: number, dy: number) {
  const touch = touchscreen(await page.context().newCDPSession(page));
  await touch("touchStart", [{ x, y }]);
  for (let i = 1; i <= 8; i++) await touch("touchMove", [{ x: x + (dx * i) / 8, y: y + (dy * i) / 8 }]);
  await touch("touchEnd", []);
}

const announcement = (page: Page) => page.getByTestId("seat-announcement");

/** Two free seats side by side (same block) nearest the middle of the map, both wholly in view. */
async function middlePair(page: Page): Promise<[Cell, Cell]> {
  const box = await mapBox(page);
  const all = await cells(page);
  const at = new Map(all.map((c) => [`${c.row}:${c.number}`, c]));
  const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  let best: [Cell, Cell] | null = null;
  let bestDistance = Infinity;
  for (const a of all) {
    const b = at.get(`${a.row}:${a.number + 1}`);
    if (!b || a.state !== "available" || b.state !== "available" || !inside(a, box) || !inside(b, box)) continue;
    // Side by side: the next cell starts where this one ends (no aisle between).
    if (Math.abs(b.x - (a.x + a.w)) > 1) continue;
    const d = Math.hypot(a.x + a.w - mid.x, a.y + a.h / 2 - mid.y);
    if (d < bestDistance) [best, bestDistance] = [[a, b], d];
  }
  expect(best, "two free seats side by side in view").not.toBeNull();
  return best!;
}

async function thumbJourney(page: Page) {
  // Opened on a phone, the seats are at least 24 CSS px (WCAG 2.5.8) and the overview is there.
  const box = await mapBox(page);
  const opened = (await cells(page)).filter((c) => inside(c, box));
  expect(opened.length).toBeGreaterThan(0);
  for (const c of opened) expect(Math.min(c.w, c.h)).toBeGreaterThanOrEqual(24);
  await expect(page.getByTestId("seat-overview")).toBeVisible();

  // The one zoom gesture: seats at fingertip size (44 px or more).
  const before = await page.getByRole("grid").getAttribute("viewBox");
  await pinchOut(page, box.x + box.width / 2, box.y + box.height / 2);
  await expect.poll(() => page.getByRole("grid").getAttribute("viewBox")).not.toBe(before);
  const [a, b] = await middlePair(page);
  expect(a.w).toBeGreaterThanOrEqual(44);

  // Taps as a thumb lands them: 30% of the pitch off the centre, diagonally.
  const pitch = a.w;
  await page.touchscreen.tap(a.x + a.w / 2 + 0.3 * pitch, a.y + a.h / 2 + 0.3 * pitch);
  await expect(announcement(page)).toHaveText(`${name(a)} added — 1 seat, ${money(a.price)}`);
  await page.touchscreen.tap(b.x + b.w / 2 - 0.3 * pitch, b.y + b.h / 2 - 0.3 * pitch);
  await expect(announcement(page)).toHaveText(`${name(b)} added — 2 seats, ${money(a.price + b.price)}`);
  await expect(page.locator(`[data-seat-id="${a.id}"]`)).toHaveAttribute("data-state", "mine");
  await expect(page.locator(`[data-seat-id="${b.id}"]`)).toHaveAttribute("data-state", "mine");
  await expect(page.locator('[data-seat-id][data-state="mine"]')).toHaveCount(2);
  await expect(page.getByTestId("seat-summary")).toContainText(`2 seats: ${name(a)} and ${name(b)}`);

  // Released by a tap 30% off the other diagonal: heard too.
  await page.touchscreen.tap(b.x + b.w / 2 + 0.3 * pitch, b.y + b.h / 2 - 0.3 * pitch);
  await expect(announcement(page)).toHaveText(`${name(b)} released — 1 seat, ${money(a.price)}`);
  await expect(page.locator('[data-seat-id][data-state="mine"]')).toHaveCount(1);
}

test.describe("on a 390 x 844 phone", { tag: "@touch" }, () => {
  test("two adjacent middle seats on the Grand screen with offset taps and one pinch", async ({ page }) => {
    await openFreeShow(page, "Grand (Large Format)");
    await thumbJourney(page);
  });

  test("the same journey on the 5,000-seat arena", async ({ page }) => {
    await page.goto("/dev/seat-map-arena");
    await expect(page.locator("[data-seat-id]")).toHaveCount(5_000);
    await thumbJourney(page);
  });

  test("choosing an area in best available brings it into a phone's view", async ({ page }) => {
    await openFreeShow(page, "Grand (Large Format)");
    const area = page.getByTestId("best-area");
    // The wheelchair space nearest the map's middle: how far off the middle (x), and whether in view.
    const wheelchairSpace = async () => {
      const box = await mapBox(page);
      const spaces = await page.locator("[data-seat-id]").evaluateAll((els) =>
        els
          .filter((el) => /^Row \w+, seat \d+, wheelchair/.test(el.getAttribute("aria-label") ?? ""))
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
      );
      const off = (r: Rect) => Math.abs(r.x + r.width / 2 - (box.x + box.width / 2));
      const nearest = spaces.sort((p, q) => off(p) - off(q))[0];
      return { offPitches: Math.round(off(nearest) / nearest.width), inView: nearest.x >= box.x && nearest.x + nearest.width <= box.x + box.width };
    };
    // The Grand's wheelchair spaces are at the ends of a row, out of the view a phone opens with;
    // chosen, the nearest comes into view, as near the middle as the house's edge allows.
    const opened = await wheelchairSpace();
    expect(opened.inView).toBe(false);
    await area.selectOption("wheelchair");
    await expect.poll(async () => (await wheelchairSpace()).inView).toBe(true);
    expect((await wheelchairSpace()).offPitches).toBeLessThan(opened.offPitches);
    await area.selectOption("");
    await expect.poll(wheelchairSpace).toEqual(opened);
  });

  test("a tap in an aisle selects nothing; the seat beside it still takes a tap", async ({ page }) => {
    await openFreeShow(page, "Grand (Large Format)");
    // An aisle in view: two seats of one row with numbers in sequence but a gap between their cells,
    // where both taps reach the map. The map's box is read each time: tapping a button scrolls the
    // page to it, and a cell inside a stale box may lie past the map's clipped edge (where the zoom
    // and move buttons below it are) or out of the window.
    const aisle = async () => {
      const box = await mapBox(page);
      const all = (await cells(page)).filter((c) => inside(c, box));
      const at = new Map(all.map((c) => [`${c.row}:${c.number}`, c]));
      for (const left of all) {
        const right = at.get(`${left.row}:${left.number + 1}`);
        if (!right || right.x - (left.x + left.w) <= left.w / 2) continue;
        const taps = [tapInAisle(left, right), centre(right)];
        if (await page.evaluate((points) => points.every(([x, y]) => document.elementFromPoint(x, y)?.closest('[role="grid"]')), taps)) return { left, right };
      }
      return null;
    };
    // Zoomed in, where an aisle is wider than half a seat (the house opens fitted to what the phone
    // has left below the header and the show's tags), then across the house until one is in view:
    // left to the edge (the button is then disabled), then right.
    await page.getByRole("button", { name: "Zoom in", exact: true }).tap();
    for (const direction of ["Move left", "Move right"]) {
      const move = page.getByRole("button", { name: direction, exact: true });
      for (let i = 0; i < 8 && !(await aisle()) && (await move.isEnabled()); i++) await move.tap();
    }
    // Measured once the view has stopped moving: a tap aimed from a mid-move measure lands elsewhere.
    let viewBox: string | null = null;
    await expect
      .poll(async () => {
        const now = await page.getByRole("grid").getAttribute("viewBox");
        const still = now === viewBox;
        viewBox = now;
        return still;
      }, { intervals: [150] })
      .toBe(true);
    const gap = await aisle();
    expect(gap, "an aisle in view").not.toBeNull();
    const { left, right } = gap!;
    await page.touchscreen.tap(...tapInAisle(left, right));
    // Then a seat: the count proves the aisle tap added nothing.
    await page.touchscreen.tap(...centre(right));
    await expect(announcement(page)).toHaveText(`${name(right)} added — 1 seat, ${money(right.price)}`);
    await expect(page.locator('[data-seat-id][data-state="mine"]')).toHaveCount(1);
  });

  test("row letters stay on the map's edges, in line with their rows, after zooming and panning", async ({ page }) => {
    await openFreeShow(page, "Grand (Large Format)");
    const box = await mapBox(page);
    await pinchOut(page, box.x + box.width / 2, box.y + box.height / 2);
    await drag(page, box.x + box.width / 2, box.y + box.height / 2, -120, -80);
    const view = (await page.getByRole("grid").getAttribute("viewBox"))!.split(" ").map(Number);
    // Moved away from the house's left edge, where the drawn letters are.
    expect(view[0]).toBeGreaterThan(20);

    const seen = (await cells(page)).filter((c) => inside(c, box));
    const rows = [...new Set(seen.map((c) => c.row))];
    expect(rows.length).toBeGreaterThan(1);
    for (const edge of ["left", "right"]) {
      const column = page.locator(`[data-testid="pinned-row-labels"] [data-edge="${edge}"]`);
      for (const row of rows) {
        const label = column.getByText(row, { exact: true });
        await expect(label).toBeVisible();
        const l = (await label.boundingBox())!;
        const seat = seen.find((c) => c.row === row)!;
        expect(Math.abs(l.y + l.height / 2 - (seat.y + seat.h / 2))).toBeLessThan(2);
        expect(edge === "left" ? l.x - box.x : box.x + box.width - (l.x + l.width)).toBeLessThan(4);
      }
    }
    // Seats this big carry their numbers.
    const numbers = page.getByTestId("seat-numbers").locator("text");
    await expect(numbers.first()).toBeVisible();
    const some = seen[Math.floor(seen.length / 2)];
    const onSeat = await numbers.evaluateAll(
      (texts, s) =>
        texts.some((t) => {
          const r = t.getBoundingClientRect();
          return t.textContent === String(s.number) && Math.abs(r.x + r.width / 2 - (s.x + s.w / 2)) < 2 && Math.abs(r.y + r.height / 2 - (s.y + s.h / 2)) < 3;
        }),
      some,
    );
    expect(onSeat).toBe(true);
    // The screen is out of sight above: the marker says where it is.
    await expect(page.getByText("▲ SCREEN")).toBeVisible();
  });

  test("the summary covers no seat and not the legend", async ({ page }) => {
    await openFreeShow(page, "Grand (Large Format)");
    await expectNothingCovered(page);
    await page.getByRole("grid").scrollIntoViewIfNeeded();
    await expectNothingCovered(page);
  });

  // support/axe.ts always enables target size (2.5.8); issue 20 also asks for the visible label
  // in the accessible name (2.5.3), another rule axe leaves off by default.
  test("axe finds nothing on the showtime page, the target-size rule enabled", async ({ page }) => {
    await openFreeShow(page, "Grand (Large Format)");
    await expectNoViolations(page, "the Grand showtime page", { enable: ["label-content-name-mismatch"] });
  });

  test("axe finds nothing on the 5,000-seat arena, the target-size rule enabled", async ({ page }) => {
    // Target size compares every target with its neighbours: minutes, not seconds, on 5,000 cells.
    test.setTimeout(300_000);
    await page.goto("/dev/seat-map-arena");
    await expect(page.locator("[data-seat-id]")).toHaveCount(5_000);
    await expectNoViolations(page, "the arena", { enable: ["label-content-name-mismatch"] });
  });
});

test.describe("signing in mid-purchase on a phone", { tag: "@touch" }, () => {
  // Signed out, whatever the project's default session.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in detour shows the held seats and lands on checkout with them, no second Continue", async ({ page }) => {
    const showId = await openFreeShow(page, "Grand (Large Format)");
    const [a, b] = await middlePair(page);
    await page.touchscreen.tap(a.x + a.w / 2, a.y + a.h / 2);
    await expect(announcement(page)).toHaveText(`${name(a)} added — 1 seat, ${money(a.price)}`);
    await page.touchscreen.tap(b.x + b.w / 2, b.y + b.h / 2);
    const total = money(a.price + b.price);
    await expect(announcement(page)).toHaveText(`${name(b)} added — 2 seats, ${total}`);
    await expect(page.getByTestId("continue")).toHaveAttribute("aria-disabled", "false");
    await page.getByTestId("continue").tap();

    // The sign-in step keeps the purchase on screen: seats, total, a live countdown.
    await expect(page).toHaveURL(/\/sign-in\?/);
    const held = page.getByTestId("held-seats");
    await expect(held).toContainText(`2 seats: ${name(a)} and ${name(b)}`);
    // Priced as checkout will charge it: Adult tickets with the booking fee and tax (issue 18).
    const charged = await adultTotalOf(page, showId, [a.id, b.id]);
    await expect(held).toContainText(`Total ${charged}`);
    const countdown = held.getByTestId("held-countdown");
    await expect(countdown).toHaveText(/^\d\d:\d\d$/);
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first!);

    // The check-email page says how long the seats stay held, not how long the link lives.
    await page.getByLabel("Email address").fill("thumb-detour@marquee.test");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page).toHaveURL(/check-email/);
    await expect(page.getByTestId("held-seats")).toContainText(`2 seats: ${name(a)} and ${name(b)}`);
    await expect(page.getByText(/Your seats stay held for \d\d:\d\d more/)).toBeVisible();
    await expect(page.getByText("expires in 1 hour")).toHaveCount(0);

    // The link lands on checkout with the same seats.
    await page.goBack();
    await signInViaOutbox(page, "thumb-detour@marquee.test");
    await expect(page).toHaveURL(/\/checkout\/local\//);
    await expect(page.getByRole("heading", { name: "Pay for your tickets" })).toBeVisible();
    await expect(page.getByText(`Row ${a.row}, seat ${a.number} (`)).toBeVisible();
    await expect(page.getByText(`Row ${b.row}, seat ${b.number} (`)).toBeVisible();
    await expect(page.getByTestId("local-total")).toHaveText(charged);
  });
});

test.describe("on a 1440 x 900 desktop", { tag: "@mouse" }, () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the whole Grand house and its controls are above the fold, and the summary covers nothing", async ({ page }) => {
    await openFreeShow(page, "Grand (Large Format)");
    const all = await cells(page);
    expect(all).toHaveLength(468);
    for (const c of all) expect(c.y + c.h).toBeLessThanOrEqual(900);
    for (const name of ["Zoom in", "Zoom out", "Fit: show the whole house", "Move left", "Move right"]) {
      const b = (await page.getByRole("button", { name, exact: true }).boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(900);
    }
    const cont = (await page.getByTestId("continue").boundingBox())!;
    expect(cont.y + cont.height).toBeLessThanOrEqual(900);
    await expectNothingCovered(page);
  });
});

/** The summary's rectangle meets no seat in view and not the legend. */
async function expectNothingCovered(page: Page) {
  const summary = (await page.getByTestId("seat-summary").boundingBox())!;
  const box = await mapBox(page);
  const visible = (await cells(page)).filter((c) => overlap(rectOf(c), box));
  expect(visible.length).toBeGreaterThan(0);
  const covered = visible.filter((c) => overlap(rectOf(c), summary)).map(name);
  expect(covered).toEqual([]);
  const legend = (await page.getByRole("list", { name: "Prices" }).boundingBox())!;
  expect(overlap(legend, summary)).toBe(false);
  expect(overlap(box, summary)).toBe(false);
}
