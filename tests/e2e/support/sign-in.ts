import { expect, type Page } from "@playwright/test";

/**
 * Signs in through the magic link, the way a customer does in the demo: ask for a link on the
 * sign-in page, open the newest sign-in email in the dev outbox, follow its link.
 */
export async function signInViaOutbox(page: Page, email: string) {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/check-email/);
  await page.goto("/dev/outbox");
  const row = page.getByTestId("outbox-row").filter({ hasText: email }).filter({ hasText: "Sign in to Marquee" }).first();
  await row.getByRole("link").click();
  const href = await page.frameLocator("iframe").getByRole("link", { name: "Sign in" }).first().getAttribute("href");
  expect(href, "sign-in link in the email").toBeTruthy();
  await page.goto(href!);
}
