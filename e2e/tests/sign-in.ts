import { expect, type Page } from "@playwright/test";

/** Signs in through the form and waits until the header shows who is signed in. */
export async function signIn(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // scrypt makes each check slow on purpose, and slower on a busy machine.
  await expect(page.getByTestId("signed-in-as")).toContainText(email, { timeout: 15_000 });
}
