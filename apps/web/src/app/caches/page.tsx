import { CachePanel } from "~/components/cache-panel";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Caches · Patronus Dashboard" };

export default async function CachesPage() {
  const user = await requirePageUser("/caches");
  // The same rule as the API's (guards.ts): operators and admins.
  if (user.role === "viewer") {
    return (
      <>
        <h1>Caches</h1>
        <p role="alert">Only operators and admins can see and clear the caches; you are signed in as {user.role}.</p>
      </>
    );
  }
  return (
    <>
      <h1>Caches</h1>
      <CachePanel />
    </>
  );
}
