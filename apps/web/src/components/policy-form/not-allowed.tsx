import Link from "next/link";
import type { UserRole } from "@patronus/core/users";

/** What a viewer sees instead of a policy form: why, in their terms, and where to read instead. */
export function PolicyEditNotAllowed({ role }: { role: UserRole }) {
  return (
    <div role="alert">
      <p>
        <strong>Your role may not edit policies.</strong> You are signed in as a {role}; creating, editing and deleting
        policies needs the operator or admin role. Ask an admin to change your role.
      </p>
      <p>
        <Link href="/policies">Back to the policies</Link>
      </p>
    </div>
  );
}
