import { openDatabase } from "@patronus/core/db";
import { createUser, findUserByEmail } from "@patronus/core/users";
import { test as setup } from "@playwright/test";
import { admin, databaseFile, storageState, viewer } from "../playwright.config";
import { signIn } from "./sign-in";

setup("sign in as the admin", async ({ page }) => {
  await signIn(page, admin);
  await page.context().storageState({ path: storageState.admin });
});

setup("sign in as a viewer", async ({ page }) => {
  // The web server's setup made only the admin; the viewer goes straight into its database.
  const { db, close } = openDatabase(databaseFile);
  try {
    if (!findUserByEmail(db, viewer.email)) createUser(db, { ...viewer, role: "viewer" });
  } finally {
    close();
  }
  await signIn(page, viewer);
  await page.context().storageState({ path: storageState.viewer });
});
