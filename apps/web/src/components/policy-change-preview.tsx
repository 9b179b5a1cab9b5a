"use client";

import { graphql } from "../graphql";
import type { PolicyChangeInput } from "../graphql/graphql";

/** The collector's verdict on a draft policy change; see policy_change_preview in docs/api.md. */
export const POLICY_CHANGE_PREVIEW = graphql(`
  query PolicyChangePreview($change: PolicyChangeInput!) {
    policy_change_preview(change: $change) {
      flows_considered
      flows_moved
      packets_per_second_moved
      bits_per_second_moved
      moves {
        from_policy_id
        from_policy_name
        to_policy_id
        to_policy_name
        flows
        packets_per_second
        bits_per_second
      }
      top_flows {
        source
        destination
        source_port
        destination_port
        protocol
        dscp
        from_policy_id
        to_policy_id
        packets_per_second
        bits_per_second
      }
      at
    }
  }
`);

/**
 * What `change` would do to the traffic flowing now, shown before it is saved. `null` while the draft is
 * not yet valid. PLACEHOLDER: the preview helper replaces this body; the props are the contract.
 */
export function PolicyChangePreview({ change }: { change: PolicyChangeInput | null }) {
  void change;
  return null;
}
