import { PolicyEditNotAllowed } from "~/components/policy-form/not-allowed";
import { PolicyForm } from "~/components/policy-form/policy-form";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "New policy · Patronus Dashboard" };

export default async function NewPolicyPage() {
  const user = await requirePageUser("/policies/new");
  return (
    <>
      <h1>New policy</h1>
      {user.role === "viewer" ? <PolicyEditNotAllowed role={user.role} /> : <PolicyForm />}
    </>
  );
}
