import { Overview } from "~/components/overview/overview";
import { requirePageUser } from "~/server/auth";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview · Patronus Dashboard" };

/** The landing page after sign-in: the SD-WAN's state at a glance (docs/architecture.md, "Pages"). */
export default async function OverviewPage() {
  await requirePageUser("/");
  return (
    <>
      <h1>Overview</h1>
      <Overview />
    </>
  );
}
