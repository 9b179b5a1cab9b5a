"use client";

import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";
import type { ReactNode } from "react";

/**
 * What an admin is told when a query fails: what happened in their terms, never Apollo's raw
 * "Response not successful: Received status code 502".
 */
export function describeError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join("; ");
  if (ServerError.is(error)) {
    if (error.statusCode === 401 || error.statusCode === 403) return "Your session has ended: sign in again.";
    if (error.statusCode === 429) return "Too many requests for now: wait a moment and retry.";
    if (error.statusCode >= 500) return `The dashboard's server is down or restarting (HTTP ${error.statusCode}).`;
    return `The server refused the request (HTTP ${error.statusCode}).`;
  }
  if (ServerParseError.is(error)) return "The server sent an answer the dashboard cannot read.";
  if (error instanceof TypeError) return "The dashboard could not reach its server: check the connection.";
  return error instanceof Error ? error.message : String(error);
}

/** Shown while the first answer is on its way; announced politely to screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status">
      Loading {what}…
    </p>
  );
}

/** Said when there is nothing to show, with what to do about it when there is something. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** A failed load: what failed, why in plain words, and a way to try again. */
export function LoadError({ what, error, retry }: { what: string; error: unknown; retry: () => unknown }) {
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>Could not load {what}.</strong> {describeError(error)}
      </p>
      <button type="button" onClick={() => void retry()}>
        Retry
      </button>
    </div>
  );
}
