"use client";

import { useApolloClient, useMutation } from "@apollo/client/react";
import { plural } from "@patronus/core/format";
import { useEffect, useMemo, useState } from "react";
import { graphql } from "../../graphql";
import type { PolicyFormDependenciesQuery } from "../../graphql/graphql";
import { ConfirmDialog, TypeToConfirm } from "../confirm-dialog";
import { PolicyChangePreview } from "../policy-change-preview";
import { describeError } from "../query-states";
import { WhatGoes } from "../site-delete-dialog";

const POLICY_DEPENDENCIES = graphql(`
  query PolicyFormDependencies($id: ID!) {
    policy_dependencies(policy_id: $id) {
      name
      stats_rows
      stats_since
    }
  }
`);

const DELETE_POLICY = graphql(`
  mutation PolicyFormDelete($id: ID!) {
    deletePolicy(policy_id: $id) {
      name
      stats_rows_deleted
    }
  }
`);

// With its time zone: a history's start is read against other clocks (docs/architecture.md, UI states).
const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "long" });

/**
 * Says how much traffic history deleting the policy removes (policy_dependencies), previews what the
 * deletion does to live flows, and deletes once the policy's name is typed, as the site dialog does.
 */
export function DeletePolicyDialog({
  policyId,
  name,
  onClose,
  onDeleted,
}: {
  policyId: string;
  name: string;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const client = useApolloClient();
  const [dependencies, setDependencies] = useState<PolicyFormDependenciesQuery["policy_dependencies"]>();
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState("");
  const [remove, { loading: deleting }] = useMutation(DELETE_POLICY);
  const change = useMemo(() => ({ kind: "delete" as const, policy_id: policyId }), [policyId]);

  useEffect(() => {
    client
      .query({ query: POLICY_DEPENDENCIES, variables: { id: policyId }, fetchPolicy: "network-only" })
      .then(({ data }) => setDependencies(data?.policy_dependencies))
      .catch((e: unknown) => setError(`Could not count the history of ${name}: ${describeError(e)}`));
  }, [client, policyId, name]);

  async function confirm() {
    try {
      await remove({ variables: { id: policyId } });
      onDeleted();
    } catch (e) {
      setError(`Not deleted: ${describeError(e)}`);
    }
  }

  return (
    <ConfirmDialog
      title={`Delete ${name}?`}
      confirmLabel="Delete policy"
      canConfirm={!!dependencies && typed === name && !deleting}
      onConfirm={() => void confirm()}
      onClose={onClose}
      error={error}
    >
      {!dependencies && !error && <p className="muted">Counting its traffic history…</p>}
      {dependencies && (
        <>
          <WhatGoes>
            <li>the policy {dependencies.name} and its match rules</li>
            <li>
              {dependencies.stats_rows === 0
                ? "no traffic history (nothing has been recorded for it yet)"
                : `${plural(dependencies.stats_rows, "traffic snapshot row")}, its whole history since ${time.format(dependencies.stats_since ?? 0)}`}
            </li>
          </WhatGoes>
          <p className="muted">
            Its live flows fall to the next policy that matches them (below). Disabling it instead keeps everything.
          </p>
          <PolicyChangePreview change={change} />
          <TypeToConfirm name={name} value={typed} onChange={setTyped} />
        </>
      )}
    </ConfirmDialog>
  );
}
