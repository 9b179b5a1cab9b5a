"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { formText } from "./form-text";
import { THROTTLED_PREFIX } from "./sign-in-errors";

/** Email and password against the credentials provider; on success, a full load of `callbackUrl`. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: formText(form, "email"),
      password: formText(form, "password"),
      redirect: false,
    });
    if (result?.ok) {
      // A full load, not a client transition: the header and every server component must see the new cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    const reason = result?.error ?? "";
    setError(
      reason === "CredentialsSignin"
        ? "Wrong email or password."
        : reason.startsWith(THROTTLED_PREFIX)
          ? reason
          : "Sign-in failed; try again.",
    );
  }

  return (
    <form
      className="signin"
      onSubmit={(event) => void submit(event)}
      aria-describedby={error ? "signin-error" : undefined}
    >
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p id="signin-error" role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
