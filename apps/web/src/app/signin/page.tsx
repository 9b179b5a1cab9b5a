import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { getSessionUser } from "~/server/auth";

export const metadata = { title: "Sign in · Patronus Dashboard" };

/** Only a path on this site: an absolute or protocol-relative callback would be an open redirect. */
function safeCallback(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
