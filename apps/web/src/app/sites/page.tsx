import { listSites } from "@patronus/core/sites";
import { SitesTable } from "~/components/sites-table";
import { requirePageUser } from "~/server/auth";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sites · Patronus Dashboard" };

export default async function SitesPage() {
  const user = await requirePageUser("/sites");
  const sites = listSites(getDb()).map(({ id, name, location, status, endpoint_count }) => ({
    id,
    name,
    location,
    status,
    endpoint_count,
  }));
  return (
    <>
      <h1>Sites</h1>
      <SitesTable initialSites={sites} canDelete={user.role === "admin"} role={user.role} />
    </>
  );
}
