"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import { plural } from "@patronus/core/format";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { graphql } from "../graphql";
import { PathStatus } from "../graphql/graphql";
import { formatMs, formatPct } from "./path-table";
import { describeError, Empty, Loading, LoadError } from "./query-states";
import { Field, FormError } from "./field";
import { DeleteDialog, WhatGoes } from "./site-delete-dialog";
import { useSiteDeletion } from "./site-deletion";
import { formErrors, noErrors, type FormErrors } from "./site-field-errors";
import { focusAfter } from "./site-focus";
import styles from "./site-page.module.css";
import { formatTime } from "./site-format";
import type { SiteData, SitePathRow } from "./site-page";

const PATH_TARGETS = graphql(`
  query PathTargets {
    sites {
      id
      name
      endpoints {
        id
        address
        port
        interface_kind
      }
    }
  }
`);

const CREATE_PATH = graphql(`
  mutation CreatePath($input: PathInput!) {
    createPath(input: $input) {
      path {
        id
      }
      reverse {
        id
      }
    }
  }
`);

const UPDATE_PATH_STATUS = graphql(`
  mutation UpdatePathStatus($id: ID!, $status: PathStatus!) {
    updatePathStatus(path_id: $id, status: $status) {
      id
      status
    }
  }
`);

const PATH_DEPENDENCIES = graphql(`
  query PathDependencies($id: ID!) {
    path_dependencies(path_id: $id) {
      path_metrics
      pinned_policies {
        policy_id
        name
      }
    }
  }
`);

const DELETE_PATH = graphql(`
  mutation DeletePath($id: ID!) {
    deletePath(path_id: $id) {
      path_id
      path_metrics_deleted
      unpinned_policies {
        name
      }
    }
  }
`);

/** A path as seen from this site: outgoing when it starts here. */
function view(siteId: string, path: SitePathRow) {
  const outgoing = path.source.site_id === siteId;
  return {
    outgoing,
    here: outgoing ? path.source : path.destination,
    other: outgoing ? path.destination : path.source,
  };
}

/** The paths that start or end at the site, worst first, with their latest figures; operators and admins edit them. */
export function SitePaths({
  site,
  paths,
  canEdit,
  onChanged,
}: {
  site: SiteData;
  paths: SitePathRow[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [setStatus] = useMutation(UPDATE_PATH_STATUS);
  const [remove] = useMutation(DELETE_PATH);
  const [adding, setAdding] = useState(false);
  const { deleting, setDeleting, notice, setNotice, noticeRef, loadCounts, deleted } = useSiteDeletion<SitePathRow>();
  const [error, setError] = useState<string>();
  const addButton = useRef<HTMLButtonElement>(null);
  const closeForm = () => {
    focusAfter(addButton, () => setAdding(false));
  };

  async function changeStatus(path: SitePathRow, status: PathStatus) {
    setError(undefined);
    try {
      await setStatus({ variables: { id: String(path.path_id), status } });
      setNotice(`Path ${path.path_id} is now ${status}.`);
      onChanged();
    } catch (e) {
      setError(`Could not change path ${path.path_id}: ${describeError(e)}`);
    }
  }

  return (
    <section className={styles.section} aria-labelledby="paths-title">
      <div className={styles.heading}>
        <h2 id="paths-title">Paths</h2>
        {canEdit && !adding && (
          <button type="button" ref={addButton} disabled={site.endpoints.length === 0} onClick={() => setAdding(true)}>
            Add path
          </button>
        )}
      </div>
      {canEdit && site.endpoints.length === 0 && (
        <p className="muted">A path starts at one of the site&apos;s endpoints: add an endpoint first.</p>
      )}
      {adding && (
        <PathForm
          site={site}
          onSaved={(message) => {
            setNotice(message);
            onChanged();
            closeForm();
          }}
          onCancel={closeForm}
        />
      )}
      <p role="status" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {paths.length === 0 ? (
        <Empty>No path starts or ends at this site.</Empty>
      ) : (
        <table aria-label="Paths">
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Direction</th>
              <th scope="col">Other site</th>
              <th scope="col">Endpoints</th>
              <th scope="col">Status</th>
              <th scope="col" className={styles.numeric}>
                Latency
              </th>
              <th scope="col" className={styles.numeric}>
                Jitter
              </th>
              <th scope="col" className={styles.numeric}>
                Loss
              </th>
              <th scope="col" className={styles.numeric}>
                Score
              </th>
              <th scope="col">Measured</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {paths.map((p) => {
              const { outgoing, here, other } = view(site.id, p);
              return (
                <tr key={p.path_id}>
                  <td>
                    <Link href={`/paths/${p.path_id}`}>Path {p.path_id}</Link>
                  </td>
                  <td>{outgoing ? "to" : "from"}</td>
                  <td>
                    <Link href={`/sites/${other.site_id}`}>{other.site_name}</Link>
                  </td>
                  <td className="muted">
                    {here.address} {outgoing ? "→" : "←"} {other.address}
                  </td>
                  <td>
                    {canEdit ? (
                      <select
                        className={styles.inline}
                        aria-label={`Status of path ${p.path_id}`}
                        value={p.status}
                        onChange={(e) => void changeStatus(p, e.target.value as PathStatus)}
                      >
                        {Object.values(PathStatus).map((s) => (
                          <option key={s} value={s}>
                            {s}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className={`status status-${p.status}`}>{p.status}</span>
                    )}
                  </td>
                  <td className={styles.numeric}>{p.latest ? formatMs(p.latest.latency_ms) : "—"}</td>
                  <td className={styles.numeric}>{p.latest ? formatMs(p.latest.jitter_ms) : "—"}</td>
                  <td className={styles.numeric}>{p.latest ? formatPct(p.latest.packet_loss_pct) : "—"}</td>
                  <td className={styles.numeric}>{p.latest ? p.latest.score : "—"}</td>
                  <td>{p.latest ? formatTime(p.latest.timestamp) : "never"}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete path ${p.path_id}`}
                        onClick={() => setDeleting(p)}
                      >
                        Delete
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {deleting && (
        <DeleteDialog
          key={deleting.path_id}
          title={`Delete path ${deleting.path_id}?`}
          confirmLabel="Delete path"
          load={() => loadCounts(PATH_DEPENDENCIES, { id: String(deleting.path_id) }, (d) => d.path_dependencies)}
          describe={(d) => (
            <WhatGoes
              pinned={d.pinned_policies}
              pinnedTo="it"
              note={<p>The path in the other direction, if there is one, stays.</p>}
            >
              <li>
                the path from {deleting.source.site_name} ({deleting.source.address}) to{" "}
                {deleting.destination.site_name} ({deleting.destination.address})
              </li>
              <li>{plural(d.path_metrics, "path metric row")}</li>
            </WhatGoes>
          )}
          remove={async () => {
            const { data } = await remove({ variables: { id: String(deleting.path_id) } });
            const r = data!.deletePath;
            return `Deleted path ${r.path_id} with ${plural(r.path_metrics_deleted, "path metric row")}.`;
          }}
          onClose={() => setDeleting(undefined)}
          onDeleted={(message) => {
            deleted(message);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

const pathFields = ["source_endpoint_id", "destination_endpoint_id", "status", "create_reverse"] as const;

/** A new path from one of this site's endpoints to an endpoint of another site, and the path back when asked. */
function PathForm({
  site,
  onSaved,
  onCancel,
}: {
  site: SiteData;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const targets = useQuery(PATH_TARGETS, { fetchPolicy: "network-only" });
  const otherSites = (targets.data?.sites ?? []).filter((s) => s.id !== site.id && s.endpoints.length > 0);
  const [source, setSource] = useState(site.endpoints[0]?.id ?? "");
  const [targetSite, setTargetSite] = useState("");
  const [destination, setDestination] = useState("");
  const [status, setStatus] = useState<PathStatus>("up");
  const [reverse, setReverse] = useState(true);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [create, creating] = useMutation(CREATE_PATH);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const destinations = otherSites.find((s) => s.id === targetSite)?.endpoints ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors(noErrors);
    try {
      const { data } = await create({
        variables: {
          input: { source_endpoint_id: source, destination_endpoint_id: destination, status, create_reverse: reverse },
        },
      });
      const created = data!.createPath;
      onSaved(
        created.reverse
          ? `Created path ${created.path.id} and the path back, ${created.reverse.id}.`
          : `Created path ${created.path.id}.`,
      );
    } catch (error) {
      setErrors(formErrors(error, pathFields));
    }
  }

  return (
    <form className={styles.form} aria-label="Add path" onSubmit={(e) => void submit(e)}>
      <h3>Add path</h3>
      <Field label="From endpoint" error={errors.fields.source_endpoint_id}>
        {(props) => (
          <select {...props} ref={first} value={source} required onChange={(e) => setSource(e.target.value)}>
            {site.endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.address}:{e.port} ({e.interface_kind})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="To site">
        {(props) => (
          <select
            {...props}
            value={targetSite}
            required
            onChange={(e) => {
              setTargetSite(e.target.value);
              const chosen = otherSites.find((s) => s.id === e.target.value);
              setDestination(chosen?.endpoints[0]?.id ?? "");
            }}
          >
            <option value="">Choose a site</option>
            {otherSites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="To endpoint" error={errors.fields.destination_endpoint_id}>
        {(props) => (
          <select
            {...props}
            value={destination}
            required
            disabled={destinations.length === 0}
            onChange={(e) => setDestination(e.target.value)}
          >
            {destinations.length === 0 && <option value="">Choose a site first</option>}
            {destinations.map((e) => (
              <option key={e.id} value={e.id}>
                {e.address}:{e.port} ({e.interface_kind})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Status" error={errors.fields.status}>
        {(props) => (
          <select {...props} value={status} onChange={(e) => setStatus(e.target.value as PathStatus)}>
            {Object.values(PathStatus).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className={styles.field}>
        <label className={styles.check}>
          <input type="checkbox" checked={reverse} onChange={(e) => setReverse(e.target.checked)} />
          Also create the reverse path
        </label>
        {errors.fields.create_reverse && <span className={styles.fieldError}>{errors.fields.create_reverse}</span>}
      </div>
      {targets.error && <LoadError what="the other sites" error={targets.error} retry={targets.refetch} />}
      {targets.loading && <Loading what="the other sites" />}
      {targets.data && otherSites.length === 0 && <Empty>No other site has an endpoint to reach.</Empty>}
      <FormError errors={errors} />
      <p className={styles.formActions}>
        <button type="submit" disabled={creating.loading || !destination}>
          Create path
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
