import { PolicyTable } from "~/components/policy-table";
import { requirePageUser } from "~/server/auth";

export default async function PoliciesPage() {
  await requirePageUser("/policies");
  return (
    <>
      <h1>Routing policies</h1>
      <PolicyTable />
    </>
  );
}
