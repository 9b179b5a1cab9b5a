"use client";

import { useMutation } from "@apollo/client/react";
import { formatBytes, plural } from "@patronus/core/format";
import { useEffect, useRef, useState } from "react";
import { graphql } from "../graphql";
import { describeError } from "./query-states";

const RESET_POLICY_COUNTERS = graphql(`
  mutation ResetPolicyCounters($policy_id: ID!) {
    resetPolicyCounters(policy_id: $policy_id) {
      reset
      packets_before
      bytes_before
    }
  }
`);

/**
 * "Reset counters" for operators and admins, behind a confirmation that says what is reset and that the
 * history stays; audited by the server. Hidden for viewers (the API refuses them anyway). `onReset` lets the
 * page refetch.
 */
export function ResetPolicyCounters({ policyId, onReset }: { policyId: string; onReset?: () => void }) {
  const role = useSessionRole();
  const [reset, { loading }] = useMutation(RESET_POLICY_COUNTERS);
  const [outcome, setOutcome] = useState<string>();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  if (role !== "operator" && role !== "admin") return null;

  async function confirm() {
    dialog.current?.close();
    try {
      const { data } = await reset({ variables: { policy_id: policyId } });
      const done = data?.resetPolicyCounters;
      setOutcome(
        done?.reset
          ? `Counters reset; they stood at ${plural(done.packets_before, "packet")} and ${formatBytes(done.bytes_before)}.`
          : "Nothing to reset: the collector has counted no traffic for this policy since it started.",
      );
      onReset?.();
    } catch (error) {
      setOutcome(`The counters were not reset: ${describeError(error)}`);
    }
    opener.current?.focus();
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="danger"
        disabled={loading}
        onClick={() => dialog.current?.showModal()}
      >
        Reset counters
      </button>
      <p role="status">{outcome}</p>
      <dialog ref={dialog} aria-labelledby="reset-counters-title" aria-describedby="reset-counters-description">
        <h2 id="reset-counters-title">Reset this policy&apos;s counters?</h2>
        <p id="reset-counters-description">
          Its live packet and byte counters, and those of its live flows, go back to zero and count from now. Its
          history is kept: the charts read the drop as a counter reset, not as lost traffic. The reset is recorded in
          the audit log.
        </p>
        <p className="actions">
          <button type="button" className="danger" onClick={() => void confirm()}>
            Reset counters
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </p>
      </dialog>
    </>
  );
}

/**
 * The signed-in user's role from next-auth's session endpoint (read afresh from the database on each
 * request, server/auth.ts), or undefined until it is known.
 */
function useSessionRole(): string | undefined {
  const [role, setRole] = useState<string>();
  useEffect(() => {
    let live = true;
    fetch("/api/auth/session")
      .then((response) => response.json() as Promise<{ user?: { role?: string } }>)
      .then((session) => {
        if (live) setRole(session.user?.role);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return role;
}
