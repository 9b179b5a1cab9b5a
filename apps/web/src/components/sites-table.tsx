"use client";

import { useApolloClient, useMutation } from "@apollo/client/react";
import { plural } from "@patronus/core/format";
import { useEffect, useRef, useState } from "react";
import type { SiteDeletedMessage } from "~/server/event-stream";
import { graphql } from "../graphql";
import type { SiteDependenciesQuery, SitesQuery } from "../graphql/graphql";

export type SiteRow = SitesQuery["sites"][number];
type Dependencies = SiteDependenciesQuery["site_dependencies"];

const SITES = graphql(`
  query Sites {
    sites {
      id
      name
      location
      status
      endpoint_count
    }
  }
`);

const SITE_DEPENDENCIES = graphql(`
  query SiteDependencies($id: ID!) {
    site_dependencies(site_id: $id) {
      site_name
      endpoints
      paths
      path_metrics
      pinned_policies {
        policy_id
        name
      }
    }
  }
`);

const DELETE_SITE = graphql(`
  mutation DeleteSite($id: ID!) {
    deleteSite(site_id: $id) {
      success
      message
    }
  }
`);

/**
 * The sites, kept current by the server's event stream: a site deleted anywhere leaves this table at
 * once, with a notice of who deleted it. Admins get a Delete button per site, behind a dialog that
 * shows what the cascade will remove and asks for the site's name.
 */
export function SitesTable({ initialSites, canDelete }: { initialSites: SiteRow[]; canDelete: boolean }) {
  const client = useApolloClient();
  const [sites, setSites] = useState(initialSites);
  const [notice, setNotice] = useState<string>();
  const [target, setTarget] = useState<SiteRow>();
  const targetId = useRef<string>(undefined);
  useEffect(() => {
    targetId.current = target?.id;
  }, [target]);
  // The site this page is deleting: its own event only drops the row; the mutation's answer says the rest.
  const deletingHere = useRef<string>(undefined);

  useEffect(() => {
    const events = new EventSource("/api/events");
    let dropped = false;
    events.addEventListener("site_deleted", (e: MessageEvent<string>) => {
      const deleted = JSON.parse(e.data) as SiteDeletedMessage;
      setSites((rows) => rows.filter((row) => row.id !== deleted.site_id));
      if (deletingHere.current === deleted.site_id) return;
      setNotice(
        `${deleted.site_name} was deleted by ${deleted.actor}, with ${plural(deleted.endpoints, "endpoint")} and ${plural(deleted.paths, "path")}.`,
      );
      if (targetId.current === deleted.site_id) setTarget(undefined);
    });
    events.addEventListener("error", () => {
      dropped = true;
    });
    // Nothing is replayed after a dropped connection, so reload the list when it comes back.
    events.addEventListener("open", () => {
      if (!dropped) return;
      dropped = false;
      client
        .query({ query: SITES, fetchPolicy: "network-only" })
        .then(({ data }) => data && setSites(data.sites))
        .catch(() => {});
    });
    return () => events.close();
  }, [client]);

  return (
    <>
      <p role="status" data-testid="sites-notice">
        {notice}
      </p>
      {sites.length === 0 ? (
        <p className="muted">No sites yet.</p>
      ) : (
        <table aria-label="Sites">
          <thead>
            <tr>
              <th>Name</th>
              <th>Location</th>
              <th>Status</th>
              <th>Endpoints</th>
              {canDelete && <th>Actions</th>}
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.id}>
                <td>{site.name}</td>
                <td>{site.location}</td>
                <td>
                  <span className={`status status-${site.status}`}>{site.status}</span>
                </td>
                <td>{site.endpoint_count}</td>
                {canDelete && (
                  <td>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Delete ${site.name}`}
                      onClick={() => setTarget(site)}
                    >
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {target && (
        <DeleteSiteDialog
          key={target.id}
          site={target}
          onClose={() => setTarget(undefined)}
          onDeleting={() => (deletingHere.current = target.id)}
          onDeleted={(message) => {
            setSites((rows) => rows.filter((row) => row.id !== target.id));
            setNotice(message);
            setTarget(undefined);
          }}
        />
      )}
    </>
  );
}

/** Loads what deleting `site` removes, shows it, and deletes once the admin has typed the site's name. */
function DeleteSiteDialog({
  site,
  onClose,
  onDeleting,
  onDeleted,
}: {
  site: SiteRow;
  onClose: () => void;
  onDeleting: () => void;
  onDeleted: (message: string) => void;
}) {
  const client = useApolloClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [dependencies, setDependencies] = useState<Dependencies>();
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState("");
  const [remove, { loading: deleting }] = useMutation(DELETE_SITE);

  useEffect(() => {
    dialog.current?.showModal();
    client
      .query({
        query: SITE_DEPENDENCIES,
        variables: { id: site.id },
        fetchPolicy: "network-only",
      })
      .then(({ data }) => setDependencies(data?.site_dependencies))
      .catch((e: Error) => setError(`Could not count what depends on ${site.name}: ${e.message}`));
  }, [client, site]);

  async function confirm() {
    onDeleting();
    try {
      const { data } = await remove({ variables: { id: site.id } });
      if (data?.deleteSite.success) onDeleted(data.deleteSite.message);
      else setError(data?.deleteSite.message ?? "The deletion returned no answer.");
    } catch (e) {
      setError(`Deleting failed: ${(e as Error).message}`);
    }
  }

  return (
    // Escape closes a modal dialog natively; onClose keeps React's state in step with it.
    <dialog ref={dialog} aria-labelledby="delete-site-title" onClose={onClose}>
      <h2 id="delete-site-title">Delete {site.name}?</h2>
      {!dependencies && !error && <p className="muted">Counting what depends on it…</p>}
      {dependencies && (
        <>
          <p>One transaction removes all of this; it cannot be undone:</p>
          <ul aria-label="What will be deleted">
            <li>the site {dependencies.site_name}</li>
            <li>{plural(dependencies.endpoints, "endpoint")}</li>
            <li>{plural(dependencies.paths, "path")} that start or end at them, other sites&apos; paths included</li>
            <li>{plural(dependencies.path_metrics, "path metric row")}</li>
          </ul>
          {dependencies.pinned_policies.length > 0 && (
            <p>
              {plural(dependencies.pinned_policies.length, "policy", "policies")} pinned to these paths will be kept,
              unpinned, and fall back to their path preference:{" "}
              {dependencies.pinned_policies.map((p) => p.name).join(", ")}.
            </p>
          )}
          <label>
            <span>
              Type <strong>{site.name}</strong> to confirm
            </span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </label>
        </>
      )}
      {error && <p role="alert">{error}</p>}
      <p className="actions">
        <button
          type="button"
          className="danger"
          disabled={!dependencies || typed !== site.name || deleting}
          onClick={() => void confirm()}
        >
          Delete site
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </p>
    </dialog>
  );
}
