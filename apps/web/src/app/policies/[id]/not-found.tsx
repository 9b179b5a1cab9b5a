import Link from "next/link";

/** /policies/<id> for a policy that does not exist (deleted, or a mistyped link). */
export default function PolicyNotFound() {
  return (
    <section className="narrow">
      <h1>Policy not found</h1>
      <p className="muted">There is no policy with this id. It may have been deleted.</p>
      <p>
        <Link href="/policies">See the policies</Link>
      </p>
    </section>
  );
}
