"use client";

/**
 * The policy's busiest live flows, from the collector. PLACEHOLDER: the collector helper replaces this body;
 * the props are the contract.
 */
export function PolicyLiveFlows({ policyId }: { policyId: string }) {
  void policyId;
  return null;
}
