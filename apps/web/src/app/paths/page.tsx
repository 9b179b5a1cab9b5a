import { PathTable } from "~/components/path-table";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Paths · Patronus Dashboard" };

export default async function PathsPage({
  searchParams,
}: {
  searchParams: Promise<{ site?: string; status?: string }>;
}) {
  await requirePageUser("/paths");
  const { site, status } = await searchParams;
  return (
    <>
      <h1>Paths and their health</h1>
      <PathTable
        initialSite={site ?? ""}
        initialStatus={status !== undefined && ["up", "degraded", "down"].includes(status) ? status : ""}
      />
    </>
  );
}
