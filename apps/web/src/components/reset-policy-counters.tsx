"use client";

/**
 * "Reset counters" for operators, behind a confirmation, audited. PLACEHOLDER: the collector helper replaces
 * this body; the props are the contract (`onReset` lets the page refetch).
 */
export function ResetPolicyCounters({ policyId, onReset }: { policyId: string; onReset?: () => void }) {
  void policyId;
  void onReset;
  return null;
}
