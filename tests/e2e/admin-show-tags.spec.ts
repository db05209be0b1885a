import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/roles";
import { expectNoViolations } from "./support/axe";
import { openFreeShow } from "./support/seat-map";

// Issue 19: an admin tags a show from the shows page with the keyboard alone, and the showtime
// page then says what the showing is (chips under the title, before any seat is chosen).
test.use({ storageState: storageStateOf.admin });

test("an admin tags a show by keyboard and the showtime page shows its tags", async ({ page }) => {
  const showId = await openFreeShow(page, "Screen 1");
  const list = (await (await page.request.get(`/api/v1/shows`)).json()) as { shows: { id: string; localDate: string }[] };
  const date = list.shows.find((s) => s.id === showId)!.localDate;

  await page.goto(`/admin/shows?date=${date}`);
  const row = page.getByTestId("admin-show-row").filter({ has: page.locator(`a[href="/shows/${showId}"]`) });
  await row.getByRole("button", { name: /^Change the tags of / }).focus();
  await page.keyboard.press("Enter");
  const boxes = row.getByRole("group", { name: /^Tags of / });
  for (const tag of ["IMAX", "Audio description"]) {
    await boxes.getByRole("checkbox", { name: tag, exact: true }).focus();
    await page.keyboard.press("Space");
    await expect(boxes.getByRole("checkbox", { name: tag, exact: true })).toBeChecked();
  }
  await expectNoViolations(page, "the shows page with a show's tag editor open");
  await row.getByRole("button", { name: "Save tags" }).focus();
  await page.keyboard.press("Enter");
  const chips = row.getByRole("list", { name: /^Tags of / });
  await expect(chips).toContainText("IMAX");
  await expect(chips).toContainText("AD");

  await page.goto(`/shows/${showId}`);
  const showing = page.getByRole("list", { name: "This showing" });
  await expect(showing).toContainText("IMAX");
  await expect(showing).toContainText("Audio description");
  await expectNoViolations(page, "a tagged showtime page");
});
