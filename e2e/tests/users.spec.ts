import { expect, test } from "@playwright/test";
import { admin } from "../playwright.config";
import { signIn } from "./sign-in";

test("an admin adds a user who signs in with the generated password, then changes their role and deletes them, each ending their session", async ({
  page,
  browser,
}) => {
  // Two sign-ins through scrypt and three confirmations: past 30 s on a loaded machine.
  test.slow();
  const email = "new.operator@e2e.test";
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("New Operator");
  await form.getByLabel("Role").selectOption("operator");
  await form.getByRole("button", { name: "Add user" }).click();

  const status = page.getByTestId("users-status");
  await expect(status).toHaveText(`Added ${email}.`);
  const password = await page.getByTestId("generated-password").locator("code").textContent();
  expect(password).toMatch(/^[\w-]{22}$/);
  await expect(page.getByRole("table", { name: "Users" }).getByRole("row", { name: new RegExp(email) })).toContainText(
    "New Operator",
  );

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await context.newPage();
  await signIn(theirs, { email, password: password! });
  await expect(theirs.getByTestId("signed-in-as")).toContainText(`${email} operator`);

  // A role change ends the user's sessions at once; they sign in again under the new role.
  await page.getByLabel(`Role of ${email}`).selectOption("viewer");
  // Nothing changes before the admin confirms, in a dialog naming the user and both roles.
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("operator");
  await page
    .getByRole("dialog", { name: `Change ${email} from operator to viewer?` })
    .getByRole("button", { name: "Change role" })
    .click();
  await expect(status).toHaveText(`${email} is now viewer.`);
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/signin/);
  await signIn(theirs, { email, password: password! });
  await expect(theirs.getByTestId("signed-in-as")).toContainText(`${email} viewer`);

  await page.getByRole("button", { name: `Delete ${email}` }).click();
  await page
    .getByRole("dialog", { name: `Delete ${email}?` })
    .getByRole("button", { name: "Delete user" })
    .click();
  await expect(status).toHaveText(`Deleted ${email}.`);
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);
  await theirs.goto("/");
  await expect(theirs).toHaveURL(/\/signin/);
  await context.close();
});

test("the last admin cannot be demoted, and the page says so", async ({ page }) => {
  await page.goto("/users");
  const role = page.getByLabel(`Role of ${admin.email}`);

  await role.selectOption("viewer");
  await page
    .getByRole("dialog", { name: `Change ${admin.email} from admin to viewer?` })
    .getByRole("button", { name: "Change role" })
    .click();

  await expect(page.getByTestId("users-status")).toHaveText(`${admin.email} is the last admin and cannot be demoted`);
  await expect(role).toHaveValue("admin");
  await expect(page.getByRole("button", { name: `Delete ${admin.email}` })).toHaveCount(0);
});

test("a role change the admin cancels changes nothing", async ({ page }) => {
  await page.goto("/users");
  const role = page.getByLabel(`Role of ${admin.email}`);

  await role.selectOption("operator");
  await page
    .getByRole("dialog", { name: `Change ${admin.email} from admin to operator?` })
    .getByRole("button", { name: "Cancel" })
    .click();

  await expect(role).toHaveValue("admin");
  await expect(page.getByTestId("users-status")).toHaveText("");
});
