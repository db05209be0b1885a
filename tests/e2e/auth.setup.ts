import { expect, test as setup } from "@playwright/test";
import { ADMIN_EMAIL, CUSTOMER_EMAIL, storageStateOf } from "./support/roles";
import { signInViaOutbox } from "./support/sign-in";

// Signs in once per role through the magic link, the way a person does, and saves the browser
// state the specs then start from.

for (const [role, email] of [["customer", CUSTOMER_EMAIL], ["admin", ADMIN_EMAIL]] as const) {
  setup(`sign in as the ${role}`, async ({ page }) => {
    await signInViaOutbox(page, email);
    await page.goto("/sign-in");
    await expect(page.getByText(`You are signed in as ${email}`)).toBeVisible();
    // The seat-lock holder cookie is per browser, not per person: each context gets its own.
    await page.context().clearCookies({ name: "mq_holder" });
    await page.context().storageState({ path: storageStateOf[role] });
  });
}
