"use client";

import { useApolloClient, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import styles from "./audit-log.module.css";
import { formText } from "./form-text";
import { Empty, LoadError, Loading } from "./query-states";
import { graphql } from "../graphql";
import { AuditOutcome, type AuditFilter, type AuditLogQuery } from "../graphql/graphql";

const PAGE_SIZE = 50;
const OUTCOMES = Object.values(AuditOutcome);

const AUDIT_LOG = graphql(`
  query AuditLog($filter: AuditFilter, $after: ID, $limit: Int) {
    audit_log(filter: $filter, after: $after, limit: $limit) {
      entries {
        id
        at
        actor
        action
        target
        outcome
        details
        repeats
        last_at
      }
      next_cursor
    }
  }
`);

type Entry = AuditLogQuery["audit_log"]["entries"][number];

const time = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The form's filters; an empty field or an unparsable time is "any". */
function filterOf(form: HTMLFormElement): AuditFilter {
  const fields = new FormData(form);
  const ms = (name: string) => {
    const value = Date.parse(formText(fields, name));
    return Number.isNaN(value) ? undefined : value;
  };
  const outcome = OUTCOMES.find((o) => o === fields.get("outcome"));
  return {
    actor: formText(fields, "actor") || undefined,
    action: formText(fields, "action") || undefined,
    target: formText(fields, "target") || undefined,
    outcome,
    from: ms("from"),
    to: ms("to"),
  };
}

function exportHref(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  return `/api/audit/export?${params}`;
}

/**
 * The audit log for admins: newest first, filtered on submit, older pages appended with "Load older
 * entries" (the cursor keeps them stable while new rows arrive), each row's details behind a disclosure.
 */
export function AuditLog() {
  const client = useApolloClient();
  const [filter, setFilter] = useState<AuditFilter>({});
  const { data, error, loading, refetch } = useQuery(AUDIT_LOG, {
    variables: { filter, limit: PAGE_SIZE },
    fetchPolicy: "network-only",
  });
  // Older pages, loaded on request; cleared when the filter changes.
  const [older, setOlder] = useState<{ entries: Entry[]; next_cursor: string | null; key: AuditFilter }>();
  const [loadError, setLoadError] = useState<{ error: unknown; after: string }>();
  const more = older?.key === filter ? older : undefined;

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilter(filterOf(event.currentTarget));
  }

  async function loadOlder(after: string) {
    setLoadError(undefined);
    try {
      const { data: page } = await client.query({
        query: AUDIT_LOG,
        variables: { filter, after, limit: PAGE_SIZE },
        fetchPolicy: "network-only",
      });
      if (!page) return;
      setOlder({
        key: filter,
        entries: [...(more?.entries ?? []), ...page.audit_log.entries],
        next_cursor: page.audit_log.next_cursor ?? null,
      });
    } catch (e) {
      setLoadError({ error: e, after });
    }
  }

  const entries = [...(data?.audit_log.entries ?? []), ...(more?.entries ?? [])];
  const cursor = more ? more.next_cursor : data?.audit_log.next_cursor;

  return (
    <>
      <form className={styles.filters} onSubmit={apply} aria-label="Filter the audit log">
        <label>
          Actor
          <input name="actor" type="text" maxLength={254} />
        </label>
        <label>
          Action
          <input name="action" type="text" placeholder="site.delete" />
        </label>
        <label>
          Target
          <input name="target" type="text" />
        </label>
        <label>
          Outcome
          <select name="outcome" defaultValue="">
            <option value="">Any</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input name="from" type="datetime-local" step="1" />
        </label>
        <label>
          To
          <input name="to" type="datetime-local" step="1" />
        </label>
        <button type="submit">Apply filters</button>
        <a href={exportHref(filter)} download>
          Export CSV
        </a>
      </form>
      {error ? (
        <LoadError what="the audit log" error={error} retry={refetch} />
      ) : loading && !data ? (
        <Loading what="the audit log" />
      ) : entries.length === 0 ? (
        <div role="status">
          <Empty>No audit entries match these filters.</Empty>
        </div>
      ) : (
        <table aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Outcome</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {loadError && <LoadError what="older entries" error={loadError.error} retry={() => loadOlder(loadError.after)} />}
      {cursor && !error && (
        <p className="actions">
          <button type="button" onClick={() => void loadOlder(cursor)}>
            Load older entries
          </button>
        </p>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: Entry }) {
  return (
    <tr>
      <td className={styles.time}>
        <time dateTime={new Date(entry.at).toISOString()}>{time.format(entry.at)}</time>
      </td>
      <td>{entry.actor}</td>
      <td>{entry.action}</td>
      <td>{entry.target}</td>
      <td>
        {entry.outcome.replace("_", " ")}
        {entry.repeats > 1 && (
          <span className="muted">
            {" "}
            ×{entry.repeats}
            {entry.last_at !== null && entry.last_at !== undefined && `, last ${time.format(entry.last_at)}`}
          </span>
        )}
      </td>
      <td>
        <details className={styles.details}>
          <summary>
            Details<span className={styles.visuallyHidden}> of entry {entry.id}</span>
          </summary>
          <pre>{JSON.stringify(JSON.parse(entry.details), null, 2)}</pre>
        </details>
      </td>
    </tr>
  );
}
