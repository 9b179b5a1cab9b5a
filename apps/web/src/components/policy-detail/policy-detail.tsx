"use client";

import { useQuery } from "@apollo/client/react";
import { formatBytes, formatCount } from "@patronus/core/format";
import Link from "next/link";
import { useEffect, type ReactNode } from "react";
import { graphql } from "../../graphql";
import type { PolicyDetailQuery } from "../../graphql/graphql";
import { LocalTime } from "../local-time";
import { PolicyLiveFlows } from "../policy-live-flows";
import { policyRulesText } from "../policy-rules-text";
import { Empty, Loading, LoadError } from "../query-states";
import { ResetPolicyCounters } from "../reset-policy-counters";
import { TrafficHistoryPanel, type FirstHistory, type RangeKey } from "../traffic-history";
import styles from "./policy-detail.module.css";

// What a policy is, as both this page and the policy form (components/policy-form) read it.
graphql(`
  fragment PolicyFields on Policy {
    id
    name
    description
    priority
    enabled
    path_preference
    pinned_path_id
    rules {
      source_cidrs
      destination_cidrs
      source_ports
      destination_ports
      protocols
      dscp
    }
  }
`);

const POLICY = graphql(`
  query PolicyDetail($id: ID!) {
    policy(id: $id) {
      ...PolicyFields
      created_at
      updated_at
      packets_matched
      bytes_matched
      active_flows
    }
  }
`);

const preferenceText: Record<string, string> = {
  lowest_latency: "Lowest latency",
  lowest_loss: "Lowest loss",
  highest_bandwidth: "Highest bandwidth",
  lowest_cost: "Lowest cost",
};

/**
 * One policy: what it matches in words, where it sends traffic, its counters and charts, its busiest live
 * flows; Edit and reset for operators. Refetched when a policy changes anywhere (the event stream).
 */
export function PolicyDetail({
  policyId,
  initialName,
  initialRange,
  first,
  firstHistory,
  canEdit,
}: {
  policyId: string;
  initialName: string;
  initialRange: RangeKey;
  /** The query's answer read with the page (server/policy-first.ts), shown until its own first answer. */
  first?: PolicyDetailQuery;
  /** The chart's first range, read with the page (server/traffic-first.ts): no query of its own to start. */
  firstHistory?: FirstHistory;
  canEdit: boolean;
}) {
  const { data, error, refetch } = useQuery(POLICY, { variables: { id: policyId }, pollInterval: 5_000 });

  useEffect(() => {
    const events = new EventSource("/api/events");
    const reload = () => void refetch().catch(() => {});
    let dropped = false;
    events.addEventListener("policies_changed", reload);
    events.addEventListener("error", () => {
      dropped = true;
    });
    // Nothing is replayed after a dropped connection: reload when it comes back (not on the first open).
    events.addEventListener("open", () => {
      if (dropped) reload();
      dropped = false;
    });
    return () => events.close();
  }, [refetch]);

  const current = data ?? first;
  const policy = current?.policy;
  const heading = <h1>{policy?.name ?? initialName}</h1>;
  if (error && !current) {
    return (
      <>
        {heading}
        <LoadError what="the policy" error={error} retry={refetch} />
      </>
    );
  }
  if (!current) {
    return (
      <>
        {heading}
        <Loading what="the policy" />
      </>
    );
  }
  if (!policy) {
    return (
      <>
        {heading}
        <Empty>
          This policy no longer exists: it was deleted. <Link href="/policies">See the policies</Link>.
        </Empty>
      </>
    );
  }

  return (
    <>
      <div className={styles.header}>
        {heading}
        {canEdit && <Link href={`/policies/${policy.id}/edit`}>Edit policy</Link>}
      </div>
      {error && !data && (
        // Still showing what the page came with: say so, or its counters would pass for current.
        <LoadError
          what="the policy's current figures (those shown are from when the page loaded)"
          error={error}
          retry={refetch}
        />
      )}
      {policy.description && <p className="muted">{policy.description}</p>}

      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Matches</h2>
        <p className={styles.rules} data-testid="rules-text">
          {policyRulesText(policy.rules)}
        </p>
        <p className="muted">
          A flow must match every condition named; a condition not named matches anything. Higher priorities are tried
          first.
        </p>
      </section>

      <dl className={styles.facts} aria-label="Policy facts">
        <Fact name="Status">
          {policy.enabled ? "Enabled" : "Disabled: matches nothing, keeps its rules and history"}
        </Fact>
        <Fact name="Priority">{policy.priority}</Fact>
        <Fact name="Path preference">{preferenceText[policy.path_preference] ?? policy.path_preference}</Fact>
        <Fact name="Pinned path">
          {policy.pinned_path_id === null || policy.pinned_path_id === undefined ? (
            "None: the path preference chooses"
          ) : (
            <Link href={`/paths/${policy.pinned_path_id}`}>Path {policy.pinned_path_id}</Link>
          )}
        </Fact>
        <Fact name="Packets">{formatCount(policy.packets_matched)}</Fact>
        <Fact name="Bytes">{formatBytes(policy.bytes_matched)}</Fact>
        <Fact name="Active flows">{formatCount(policy.active_flows)}</Fact>
        <Fact name="Last edited">
          <LocalTime at={policy.updated_at} />
        </Fact>
      </dl>
      <ResetPolicyCounters policyId={policy.id} canReset={canEdit} onReset={() => void refetch()} />

      <h2>Traffic</h2>
      <TrafficHistoryPanel initialRange={initialRange} initialPolicy={policy.id} fixedPolicy first={firstHistory} />

      <PolicyLiveFlows policyId={policy.id} />
    </>
  );
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}
