import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { openFreeShow, press, seat } from "./support/seat-map";

// Zooming and moving the seat map: the buttons (one tap each, for whoever cannot drag or pinch:
// WCAG 2.2, 2.5.7), Ctrl + scroll and drag with a mouse, pinch and drag on a touch screen. A
// gesture never takes a seat; a seat brought into view by the buttons can be taken.

type ViewBox = { x: number; y: number; w: number; h: number };

async function viewBox(page: Page): Promise<ViewBox> {
  const [x, y, w, h] = ((await page.getByRole("grid").getAttribute("viewBox")) ?? "").split(" ").map(Number);
  return { x, y, w, h };
}

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** A phone opens the map zoomed in on the best seats (issue 20): Fit shows the whole house. */
async function fitWholeHouse(page: Page, testInfo: TestInfo) {
  const fit = button(page, "Fit: show the whole house");
  if (await fit.isEnabled()) await press(fit, testInfo);
  await expect(fit).toBeDisabled();
}

test("the zoom and move buttons reach every seat without a drag", async ({ page }, testInfo) => {
  await openFreeShow(page, "Screen 2");
  await fitWholeHouse(page, testInfo);
  const whole = await viewBox(page);
  const moves = ["Move left", "Move up", "Move down", "Move right"];

  // The whole house is in view: nothing to zoom out to or move towards.
  await expect(button(page, "Zoom out")).toBeDisabled();
  await expect(button(page, "Fit: show the whole house")).toBeDisabled();
  for (const name of moves) await expect(button(page, name)).toBeDisabled();

  await press(button(page, "Zoom in"), testInfo);
  await expect.poll(async () => (await viewBox(page)).w).toBeLessThan(whole.w);
  // A phone's map box is taller than the house is deep: it takes more zoom before rows are out of sight.
  for (let i = 0; i < 4 && (await button(page, "Move up").isDisabled()); i++) await press(button(page, "Zoom in"), testInfo);
  // Zoomed in at the centre: there is more house on every side.
  for (const name of moves) await expect(button(page, name)).toBeEnabled();

  // Row A's last seat sits at the right-hand wall: out of the view once it is moved to the left edge.
  const lastOfA = page.locator('[data-seat-id][aria-label^="Row A, seat "]').last();
  const map = page.getByRole("grid");
  const outside = async () => {
    const [s, m] = [await lastOfA.boundingBox(), await map.boundingBox()];
    return s!.x >= m!.x + m!.width;
  };
  for (let i = 0; i < 10 && (await button(page, "Move left").isEnabled()); i++) await press(button(page, "Move left"), testInfo);
  await expect(button(page, "Move left")).toBeDisabled();
  expect((await viewBox(page)).x).toBe(0);
  expect(await outside()).toBe(true);

  let x = (await viewBox(page)).x;
  for (let i = 0; i < 10 && (await button(page, "Move right").isEnabled()); i++) {
    await press(button(page, "Move right"), testInfo);
    const next = (await viewBox(page)).x;
    expect(next).toBeGreaterThan(x);
    x = next;
  }
  await expect(button(page, "Move right")).toBeDisabled();
  await expect(button(page, "Move left")).toBeEnabled();
  expect(await outside()).toBe(false);
  // Brought into view by the buttons alone, the seat takes a tap or click.
  await press(lastOfA, testInfo);
  await expect(lastOfA).toHaveAttribute("data-state", "mine");

  await press(button(page, "Fit: show the whole house"), testInfo);
  await expect.poll(() => viewBox(page)).toEqual(whole);
  for (const name of moves) await expect(button(page, name)).toBeDisabled();
});

test("Ctrl + scroll zooms, scroll and drag move the map, and a drag takes no seat", { tag: "@mouse" }, async ({ page }) => {
  await openFreeShow(page, "Screen 2");
  const whole = await viewBox(page);
  const c8 = seat(page, "C", 8);
  const box = (await page.getByRole("grid").boundingBox())!;

  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -200);
  await page.keyboard.up("Control");
  await expect.poll(async () => (await viewBox(page)).w).toBeLessThan(whole.w);
  await expect(button(page, "Zoom out")).toBeEnabled();

  // A plain scroll over a zoomed-in map moves it (down the house).
  const beforeScroll = await viewBox(page);
  await page.mouse.wheel(0, 100);
  await expect.poll(async () => (await viewBox(page)).y).toBeGreaterThan(beforeScroll.y);

  // A drag that starts on a seat moves the map and leaves the seat alone.
  const start = (await c8.boundingBox())!;
  const beforeDrag = await viewBox(page);
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + 80, start.y + start.height / 2, { steps: 8 });
  await page.mouse.up();
  expect((await viewBox(page)).x).toBeLessThan(beforeDrag.x);
  await expect(c8).toHaveAttribute("data-state", "available");
  await expect(page.getByTestId("seat-summary")).toContainText("No seats selected");
});

test("pinch zooms and one finger moves the map, and neither takes a seat", { tag: "@touch" }, async ({ page }, testInfo) => {
  await openFreeShow(page, "Screen 2");
  await fitWholeHouse(page, testInfo);
  const whole = await viewBox(page);
  const box = (await page.getByRole("grid").boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number }[]) =>
    cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((p, id) => ({ ...p, id })) });

  // Two fingers spread apart over the middle of the house (where they start on seats).
  await touch("touchStart", [{ x: cx - 15, y: cy }, { x: cx + 15, y: cy }]);
  for (let d = 25; d <= 75; d += 10) await touch("touchMove", [{ x: cx - d, y: cy }, { x: cx + d, y: cy }]);
  await touch("touchEnd", []);
  await expect.poll(async () => (await viewBox(page)).w).toBeLessThan(whole.w / 2);
  await expect(button(page, "Zoom out")).toBeEnabled();

  // One finger dragged to the left moves the view towards the right-hand side of the house.
  const beforeDrag = await viewBox(page);
  await touch("touchStart", [{ x: cx, y: cy }]);
  for (let dx = 10; dx <= 80; dx += 10) await touch("touchMove", [{ x: cx - dx, y: cy }]);
  await touch("touchEnd", []);
  await expect.poll(async () => (await viewBox(page)).x).toBeGreaterThan(beforeDrag.x);

  await expect(page.locator('[data-seat-id][data-state="mine"]')).toHaveCount(0);
  await expect(page.getByTestId("seat-summary")).toContainText("No seats selected");
});
