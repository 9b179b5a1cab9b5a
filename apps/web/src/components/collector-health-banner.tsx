"use client";

import { useQuery } from "@apollo/client/react";
import { graphql } from "../graphql";
import { LoadError } from "./query-states";
import styles from "./collector-health-banner.module.css";

const COLLECTOR_HEALTH = graphql(`
  query CollectorHealth {
    collector_health {
      problems {
        kind
        message
        since
      }
    }
  }
`);

/** Every page polls this often; the collector read behind it is one small /status request. */
const POLL_MS = 5_000;

const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/**
 * The collector's problems (docs/operations.md, "Collector health"), above every page's content for
 * signed-in users: nothing while all is well.
 */
export function CollectorHealthBanner() {
  const { data, error, refetch } = useQuery(COLLECTOR_HEALTH, { pollInterval: POLL_MS, fetchPolicy: "network-only" });
  // Not knowing the collector's health is a problem too: the dashboard's own server is not answering.
  if (error) return <LoadError what="the collector's health" error={error} retry={refetch} />;
  const problems = data?.collector_health.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <div role="alert" aria-label="Collector health" className={styles.banner}>
      <strong>Collector problem{problems.length > 1 ? "s" : ""}</strong>
      <ul>
        {problems.map((p) => (
          <li key={p.kind}>
            {p.message} <span className={styles.since}>Since {time.format(p.since)}.</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
