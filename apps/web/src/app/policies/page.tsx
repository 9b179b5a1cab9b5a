import { PolicyTable } from "~/components/policy-table";

export default function PoliciesPage() {
  return (
    <>
      <h1>Routing policies</h1>
      <PolicyTable />
    </>
  );
}
