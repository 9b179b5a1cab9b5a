"use client";

import { useQuery } from "@apollo/client/react";
import { graphql } from "../../graphql";
import type { PolicyFormPathsQuery } from "../../graphql/graphql";
import { Loading, LoadError } from "../query-states";
import { FieldError, fieldProps } from "./rule-editors";
import styles from "./policy-form.module.css";

export const POLICY_FORM_PATHS = graphql(`
  query PolicyFormPaths {
    paths {
      id
      source_endpoint_id
      destination_endpoint_id
      status
    }
    sites {
      id
      name
      endpoints {
        id
        address
        interface_kind
      }
    }
  }
`);

/** "HQ → Branch (198.51.100.1 fiber → 203.0.113.7 lte, up)" for each real path, by site names. */
export function pathLabels(data: PolicyFormPathsQuery): { id: string; label: string }[] {
  const ends = new Map(
    data.sites.flatMap((site) => site.endpoints.map((e) => [Number(e.id), { site: site.name, ...e }] as const)),
  );
  return data.paths
    .map((path) => {
      const from = ends.get(path.source_endpoint_id);
      const to = ends.get(path.destination_endpoint_id);
      const label =
        from && to
          ? `${from.site} → ${to.site} (${from.address} ${from.interface_kind} → ${to.address} ${to.interface_kind}, ${path.status})`
          : `path ${path.id} (${path.status})`;
      return { id: path.id, label };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** A picker of the paths that exist, or none: the policy then follows its path preference. */
export function PinnedPathPicker({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange: (pathId: string) => void;
}) {
  const { data, error: loadError, refetch } = useQuery(POLICY_FORM_PATHS);
  if (loadError) return <LoadError what="the paths to pin to" error={loadError} retry={() => refetch()} />;
  if (!data) return <Loading what="paths" />;
  const choices = pathLabels(data);
  const known = value === "" || choices.some((c) => c.id === value);
  return (
    <label className={styles.field}>
      <span>Pinned path</span>
      <select {...fieldProps("pinned_path_id", error)} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Not pinned: follow the path preference</option>
        {!known && <option value={value}>path {value} (no longer exists)</option>}
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      {choices.length === 0 && <small className="muted">No paths yet: a policy can be pinned once one exists.</small>}
      <FieldError field="pinned_path_id" message={error} />
    </label>
  );
}
