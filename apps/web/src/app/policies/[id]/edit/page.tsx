import { PolicyEditNotAllowed } from "~/components/policy-form/not-allowed";
import { EditPolicy } from "~/components/policy-form/policy-form";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Edit policy · Patronus Dashboard" };

export default async function EditPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/policies/${encodeURIComponent(id)}/edit`);
  return (
    <>
      <h1>Edit policy</h1>
      {user.role === "viewer" ? <PolicyEditNotAllowed role={user.role} /> : <EditPolicy policyId={id} />}
    </>
  );
}
