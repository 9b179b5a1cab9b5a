import { CachePanel } from "~/components/cache-panel";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Caches · Patronus Dashboard" };

export default async function CachesPage() {
  const user = await requirePageUser("/caches");
  if (user.role !== "admin") {
    return (
      <>
        <h1>Caches</h1>
        <p role="alert">Only admins can see and clear the caches; you are signed in as {user.role}.</p>
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
