"use client";

import { useMutation } from "@apollo/client/react";
import { formatBytes, plural } from "@patronus/core/format";
import { useRef, useState } from "react";
import { graphql } from "../graphql";
import { ConfirmDialog } from "./confirm-dialog";
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
 * history stays; audited by the server. Hidden unless `canReset`, which the page decides from the session
 * on the server (the API refuses viewers anyway). `onReset` lets the page refetch.
 */
export function ResetPolicyCounters({
  policyId,
  canReset,
  onReset,
}: {
  policyId: string;
  canReset: boolean;
  onReset?: () => void;
}) {
  const [reset, { loading }] = useMutation(RESET_POLICY_COUNTERS);
  const [outcome, setOutcome] = useState<string>();
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  if (!canReset) return null;

  async function confirm(close: () => void) {
    close();
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
      <button ref={opener} type="button" className="danger" disabled={loading} onClick={() => setAsking(true)}>
        Reset counters
      </button>
      <p role="status">{outcome}</p>
      {asking && (
        <ConfirmDialog
          title="Reset this policy's counters?"
          description="Its live packet and byte counters, and those of its live flows, go back to zero and count from now. Its history is kept: the charts read the drop as a counter reset, not as lost traffic. The reset is recorded in the audit log."
          confirmLabel="Reset counters"
          onConfirm={(close) => void confirm(close)}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}
