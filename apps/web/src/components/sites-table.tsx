"use client";

import { useApolloClient, useMutation } from "@apollo/client/react";
import { plural } from "@patronus/core/format";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { graphql } from "../graphql";
import type { SiteDependenciesQuery, SitesQuery, UserRole } from "../graphql/graphql";
import { ConfirmDialog, TypeToConfirm } from "./confirm-dialog";
import { Empty } from "./query-states";
import { WhatGoes } from "./site-delete-dialog";
import { useNetworkEvents } from "./site-events";
import { SiteForm } from "./site-form";
import { focusAfter } from "./site-focus";
import styles from "./site-page.module.css";

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
      traffic_rows
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

/** The line a signed-in user reads when their role may not change the list. */
export function siteRoleNote(role: UserRole): string | undefined {
  if (role === "admin") return undefined;
  if (role === "operator") {
    return "Your role (operator) may not create or delete sites: open a site to edit its endpoints and paths.";
  }
  return "Your role (viewer) may not edit the network: sites, endpoints and paths are read-only for you.";
}

/**
 * The sites, kept current by the server's event stream: a site deleted anywhere leaves this table at
 * once, with a notice of who deleted it, and one created or edited anywhere appears. Admins get "New
 * site" and a Delete button per site, behind a dialog that shows what the cascade will remove and asks
 * for the site's name. `role` adds the line saying what the user's role may not do.
 */
export function SitesTable({
  initialSites,
  canDelete,
  role,
}: {
  initialSites: SiteRow[];
  canDelete: boolean;
  role?: UserRole;
}) {
  const client = useApolloClient();
  const router = useRouter();
  const [sites, setSites] = useState(initialSites);
  const [notice, setNotice] = useState<string>();
  const [target, setTarget] = useState<SiteRow>();
  const [creating, setCreating] = useState(false);
  const targetId = useRef<string>(undefined);
  useEffect(() => {
    targetId.current = target?.id;
  }, [target]);
  // The site this page is deleting: its own event only drops the row; the mutation's answer says the rest.
  const deletingHere = useRef<string>(undefined);
  // After a deletion the focus goes to the notice saying what went: its button has left the page.
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const newSiteButton = useRef<HTMLButtonElement>(null);

  const reload = () =>
    client
      .query({ query: SITES, fetchPolicy: "network-only" })
      .then(({ data }) => data && setSites(data.sites))
      .catch(() => {});

  useNetworkEvents({
    onSiteDeleted: (deleted) => {
      setSites((rows) => rows.filter((row) => row.id !== deleted.site_id));
      if (deletingHere.current === deleted.site_id) return;
      setNotice(
        `${deleted.site_name} was deleted by ${deleted.actor}, with ${plural(deleted.endpoints, "endpoint")} and ${plural(deleted.paths, "path")}.`,
      );
      if (targetId.current === deleted.site_id) setTarget(undefined);
    },
    // A site's name, location or status, or its endpoint count: the list shows all of them.
    onNetworkChanged: (change) => {
      if (change.entity !== "path") void reload();
    },
    onReconnected: () => void reload(),
  });

  return (
    <>
      {role && siteRoleNote(role) && <p className="muted">{siteRoleNote(role)}</p>}
      {canDelete &&
        (creating ? (
          <SiteForm
            onSaved={(site) => {
              setNotice(`Created site ${site.name}.`);
              router.push(`/sites/${site.id}`);
            }}
            onCancel={() => {
              focusAfter(newSiteButton, () => setCreating(false));
            }}
          />
        ) : (
          <p>
            <button type="button" ref={newSiteButton} onClick={() => setCreating(true)}>
              New site
            </button>
          </p>
        ))}
      <p role="status" data-testid="sites-notice" ref={noticeRef} tabIndex={-1}>
        {notice}
      </p>
      {sites.length === 0 ? (
        <Empty>No sites yet.{canDelete ? " Create the first with New site." : " An admin creates them."}</Empty>
      ) : (
        <table aria-label="Sites">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Location</th>
              <th scope="col">Status</th>
              <th scope="col">Endpoints</th>
              {canDelete && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.id}>
                <td>
                  <Link href={`/sites/${site.id}`}>{site.name}</Link>
                </td>
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
            focusAfter(noticeRef, () => {
              setSites((rows) => rows.filter((row) => row.id !== target.id));
              setNotice(message);
              setTarget(undefined);
            });
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
  const [dependencies, setDependencies] = useState<Dependencies>();
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState("");
  const [remove, { loading: deleting }] = useMutation(DELETE_SITE);
  const nameInput = useRef<HTMLInputElement>(null);
  // The name field appears with the counts; the admin's next move is to type in it.
  useEffect(() => {
    if (dependencies) nameInput.current?.focus();
  }, [dependencies]);

  useEffect(() => {
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
    <ConfirmDialog
      title={`Delete ${site.name}?`}
      confirmLabel="Delete site"
      canConfirm={!!dependencies && typed === site.name && !deleting}
      onConfirm={() => void confirm()}
      onClose={onClose}
      error={error}
      className={styles.dialog}
    >
      {!dependencies && !error && <p className="muted">Counting what depends on it…</p>}
      {dependencies && (
        <>
          <WhatGoes pinned={dependencies.pinned_policies} fallback=", and fall back to their path preference">
            <li>the site {dependencies.site_name}</li>
            <li>{plural(dependencies.endpoints, "endpoint")}</li>
            <li>{plural(dependencies.paths, "path")} that start or end at them, other sites&apos; paths included</li>
            <li>{plural(dependencies.path_metrics, "path metric row")}</li>
            <li>{plural(dependencies.traffic_rows, "row")} of the site&apos;s traffic history</li>
          </WhatGoes>
          <TypeToConfirm ref={nameInput} name={site.name} value={typed} onChange={setTyped} />
        </>
      )}
    </ConfirmDialog>
  );
}
