import Link from "next/link";

/** Any address the dashboard does not have: a 404 in the dashboard's own frame, with a way back. */
export default function NotFound() {
  return (
    <section className="narrow">
      <h1>Page not found</h1>
      <p className="muted">
        There is no page at this address. It may have been a site or a link that no longer exists.
      </p>
      <p>
        <Link href="/">Go to the sites</Link>
      </p>
    </section>
  );
}
