"use client";

import { useQuery } from "@apollo/client/react";
import Link from "next/link";
import { useRef, useState } from "react";
import { graphql } from "../graphql";
import type { SitePageQuery, UserRole } from "../graphql/graphql";
import { Empty, Loading, LoadError } from "./query-states";
import { SiteEndpoints } from "./site-endpoints";
import { useNetworkEvents } from "./site-events";
import { formatTime } from "./site-format";
import { SiteForm } from "./site-form";
import { focusAfter } from "./site-focus";
import styles from "./site-page.module.css";
import { SitePaths } from "./site-paths";
import { SiteTraffic } from "./site-traffic";
import { siteRoleNote } from "./sites-table";

const SITE_PAGE = graphql(`
  query SitePage($id: ID!) {
    site(id: $id) {
      id
      name
      location
      status
      endpoint_count
      created_at
      updated_at
      endpoints {
        id
        address
        port
        interface_kind
        cost_per_gb
        reachable
      }
    }
    path_health(site_id: $id) {
      path_id
      status
      source {
        site_id
        site_name
        endpoint_id
        address
        interface_kind
      }
      destination {
        site_id
        site_name
        endpoint_id
        address
        interface_kind
      }
      latest {
        timestamp
        latency_ms
        jitter_ms
        packet_loss_pct
        score
      }
    }
  }
`);

export type SiteData = NonNullable<SitePageQuery["site"]>;
export type SitePathRow = SitePageQuery["path_health"][number];

/** Probes report every few tens of seconds and no event announces a measurement: the figures are polled. */
const METRICS_REFRESH_MS = 15_000;

/**
 * One site: its details (admins edit them), its endpoints and the paths to and from it (operators and
 * admins edit those). Every open copy follows edits made anywhere through the event stream.
 */
export function SitePage({ siteId, initialName, role }: { siteId: string; initialName: string; role: UserRole }) {
  const { data, error, loading, refetch } = useQuery(SITE_PAGE, {
    variables: { id: siteId },
    pollInterval: METRICS_REFRESH_MS,
    notifyOnNetworkStatusChange: false,
  });
  const [deletedNote, setDeletedNote] = useState<string>();
  const reload = () => void refetch().catch(() => {});

  useNetworkEvents({
    onNetworkChanged: reload,
    onSiteDeleted: (deleted) => {
      if (deleted.site_id === siteId) {
        setDeletedNote(`${deleted.site_name} was deleted by ${deleted.actor}.`);
      }
      // Its paths to other sites went with it.
      reload();
    },
    onReconnected: reload,
  });

  const site = data?.site;
  if (deletedNote || (data && !site)) {
    return (
      <>
        <h1>{initialName}</h1>
        <Empty>
          {deletedNote ?? "This site no longer exists."} <Link href="/sites">Back to the sites</Link>
        </Empty>
      </>
    );
  }
  if (!site) {
    return (
      <>
        <h1>{initialName}</h1>
        {error ? <LoadError what="the site" error={error} retry={refetch} /> : loading && <Loading what="the site" />}
      </>
    );
  }

  const canEditSite = role === "admin";
  const canEditNetwork = role === "admin" || role === "operator";
  const note = siteRoleNote(role);
  return (
    <>
      {error && <LoadError what="the latest figures" error={error} retry={refetch} />}
      <SiteDetails site={site} canEdit={canEditSite} onSaved={reload} />
      {role === "viewer" && note && <p className="muted">{note}</p>}
      {role === "operator" && (
        <p className="muted">
          Your role (operator) may not edit the site&apos;s details, only its endpoints and paths.
        </p>
      )}
      <SiteEndpoints site={site} canEdit={canEditNetwork} onChanged={reload} />
      <SitePaths site={site} paths={data.path_health} canEdit={canEditNetwork} onChanged={reload} />
      <SiteTraffic siteId={site.id} siteName={site.name} />
    </>
  );
}

/** The site's name, location and status; for admins an Edit form in their place. */
function SiteDetails({ site, canEdit, onSaved }: { site: SiteData; canEdit: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    focusAfter(editButton, () => setEditing(false));
  };
  return (
    <section aria-labelledby="site-title">
      <div className={styles.heading}>
        <h1 id="site-title">{site.name}</h1>
        {canEdit && !editing && (
          <button type="button" ref={editButton} onClick={() => setEditing(true)}>
            Edit site
          </button>
        )}
      </div>
      {editing ? (
        <SiteForm
          site={site}
          onSaved={() => {
            onSaved();
            close();
          }}
          onCancel={close}
        />
      ) : (
        <dl className={styles.details}>
          <div>
            <dt>Location</dt>
            <dd>{site.location || "—"}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`status status-${site.status}`}>{site.status}</span>
            </dd>
          </div>
          <div>
            <dt>Endpoints</dt>
            <dd>{site.endpoint_count}</dd>
          </div>
          <div>
            <dt>Last changed</dt>
            <dd>{formatTime(site.updated_at)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
