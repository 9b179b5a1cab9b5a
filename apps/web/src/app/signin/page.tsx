import { redirect } from "next/navigation";
import { SignInForm } from "~/components/sign-in-form";
import { getSessionUser } from "~/server/auth";
import { sameOriginPath } from "~/server/safe-callback";

export const metadata = { title: "Sign in · Patronus Dashboard" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only a path on this site: anything else would be an open redirect after sign-in.
  const callbackUrl = sameOriginPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
