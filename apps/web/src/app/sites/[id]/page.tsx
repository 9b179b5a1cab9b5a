import { getSite } from "@patronus/core/sites";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SitePage } from "~/components/site-page";
import { requirePageUser } from "~/server/auth";
import { getDb } from "~/server/db";

export const dynamic = "force-dynamic";
export const metadata = { title: "Site · Patronus Dashboard" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function SiteRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/sites/${id}`);
  if (!uuid.test(id)) notFound();
  const site = getSite(getDb(), { siteId: id.toLowerCase() });
  if (!site) notFound();
  return (
    <>
      <p>
        <Link href="/sites">← All sites</Link>
      </p>
      <SitePage siteId={site.id} initialName={site.name} role={user.role} />
    </>
  );
}
