import { AuditLog } from "~/components/audit-log";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Audit log · Patronus Dashboard" };

export default async function AuditPage() {
  const user = await requirePageUser("/audit");
  if (user.role !== "admin") {
    return (
      <>
        <h1>Audit log</h1>
        <p role="alert">Only admins can read the audit log; you are signed in as {user.role}.</p>
      </>
    );
  }
  return (
    <>
      <h1>Audit log</h1>
      <AuditLog />
    </>
  );
}
