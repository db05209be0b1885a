import { expect, test } from "@playwright/test";
import { nextActionAnswer, openFreeShow, press, freeSeatsInView } from "./support/seat-map";
import { openHome } from "./support/cinema";

// A customer's first tap on a seat must be as light as every later one. The first page a visitor
// opens gives them a holder cookie (proxy.ts), so the hold action only reads it; an action that
// set a cookie would make Next render the whole page again into the hold's answer. The cookie
// must then stay put while Next prefetches and navigates: a second id landing later would
// orphan the seats held with the first.
test("a new customer's first hold answers with the hold alone, not a re-rendered page", async ({ page, context }, testInfo) => {
  const holderNow = async () => (await context.cookies()).find((c) => c.name === "mq_holder");
  await openHome(page);
  const holder = await holderNow();
  expect(holder?.httpOnly).toBe(true);
  expect(holder?.value).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
  const showId = await openFreeShow(page, "Screen 1");
  expect((await holderNow())?.value).toBe(holder?.value);

  // The answer's body, read on its way through (a streamed action answer is gone from the
  // browser's cache by the time the test could ask for it).
  const bodies: string[] = [];
  await page.route(`**/shows/${showId}`, async (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    bodies.push(body);
    await route.fulfill({ response, body });
  });
  const answered = nextActionAnswer(page);
  const seatId = (await freeSeatsInView(page))[0];
  const chosen = page.locator(`[data-seat-id="${seatId}"]`);
  await press(chosen, testInfo);
  const answer = await answered;
  expect(answer.status()).toBe(200);
  expect(answer.headers()["set-cookie"]).toBeUndefined();
  const body = bodies[0];
  expect(body).not.toContain("__PAGE__");
  expect(body.length).toBeLessThan(1_000);
  expect(body).toContain(seatId!);

  // Held for the cookie the page handed out: the seat state endpoint says it is this visitor's.
  await expect(chosen).toHaveAttribute("data-state", "mine");
  expect((await holderNow())?.value).toBe(holder?.value);
  const states = ((await (await page.request.get(`/api/shows/${showId}/seats`)).json()) as { states: Record<string, string> }).states;
  expect(states[seatId!]).toBe("mine");
});
