import { FlowInputPanel } from "~/components/flow-input-panel";
import { PolicyTable } from "~/components/policy-table";
import { requirePageUser } from "~/server/auth";
import { WhichPolicy } from "~/components/which-policy";

export default async function PoliciesPage() {
  const user = await requirePageUser("/policies");
  return (
    <>
      <h1>Routing policies</h1>
      <PolicyTable canEdit={user.role !== "viewer"} />
      <FlowInputPanel admin={user.role === "admin"} />
      <WhichPolicy />
    </>
  );
}
