"use client";

import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useApolloClient, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../graphql";
import type { FlowInput, WhichPolicyQuery, WhichPolicyRouteQuery } from "../graphql/graphql";
import { formText } from "./form-text";
import { dscpLabel, NAMED_DSCP, NAMED_PROTOCOLS, protocolLabel } from "./policy-form/catalog";
import { pathLabels, POLICY_FORM_PATHS } from "./policy-form/pinned-path-picker";
import styles from "./policy-form/policy-form.module.css";
import { describeError } from "./query-states";

const WHICH_POLICY = graphql(`
  query WhichPolicy($flow: FlowInput!) {
    flow_policy(flow: $flow) {
      policy {
        id
        name
        priority
      }
      reason
      passed_over {
        policy_id
        name
        priority
        failed_rule
      }
      passed_over_more
    }
  }
`);

const WHICH_ROUTE = graphql(`
  query WhichPolicyRoute($source: ID!, $destination: ID!, $flow: FlowInput!) {
    route(source_site_id: $source, destination_site_id: $destination, flow: $flow) {
      policy_id
      path_id
      reason
      cache_hit
    }
  }
`);

const RULE_NAMES: Record<string, string> = {
  source_cidrs: "source addresses",
  destination_cidrs: "destination addresses",
  source_ports: "source ports",
  destination_ports: "destination ports",
  protocols: "protocols",
  dscp: "DSCP values",
};

interface Answer {
  match: WhichPolicyQuery["flow_policy"];
  route?: WhichPolicyRouteQuery["route"];
}

/** A number field's value, or NaN when it is blank or not a whole number (the API names the field). */
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/**
 * "Which policy takes this flow?": a flow typed in, the policy the collector's matcher counts it under
 * and why the policies above it passed it over (flow_policy); with both sites, the path it takes (route).
 */
export function WhichPolicy() {
  const client = useApolloClient();
  const { data: network } = useQuery(POLICY_FORM_PATHS);
  const [protocol, setProtocol] = useState("6");
  const [dscp, setDscp] = useState("0");
  const [answer, setAnswer] = useState<Answer>();
  const [fieldError, setFieldError] = useState<{ field?: string; message: string }>();
  const [asking, setAsking] = useState(false);

  async function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const flow: FlowInput = {
      source: formText(form, "source").trim(),
      destination: formText(form, "destination").trim(),
      source_port: whole(formText(form, "source_port")),
      destination_port: whole(formText(form, "destination_port")),
      protocol: protocol === "other" ? whole(formText(form, "other_protocol")) : Number(protocol),
      dscp: dscp === "other" ? whole(formText(form, "other_dscp")) : Number(dscp),
    };
    const blank = (Object.entries(flow) as [keyof FlowInput, unknown][]).find(([, v]) => Number.isNaN(v) || v === "");
    if (blank) {
      setAnswer(undefined);
      return setFieldError({ field: blank[0], message: `${blank[0].replace("_", " ")}: type a value` });
    }
    const [source, destination] = [formText(form, "source_site"), formText(form, "destination_site")];
    setAsking(true);
    setFieldError(undefined);
    try {
      const [match, route] = await Promise.all([
        client.query({ query: WHICH_POLICY, variables: { flow }, fetchPolicy: "network-only" }),
        source && destination
          ? client.query({ query: WHICH_ROUTE, variables: { source, destination, flow }, fetchPolicy: "network-only" })
          : undefined,
      ]);
      if (match.data) setAnswer({ match: match.data.flow_policy, route: route?.data?.route });
    } catch (e) {
      setAnswer(undefined);
      const field = CombinedGraphQLErrors.is(e) ? e.errors[0]?.extensions?.field : undefined;
      setFieldError({ field: typeof field === "string" ? field : undefined, message: describeError(e) });
    } finally {
      setAsking(false);
    }
  }

  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.message : undefined);
  const input = (name: keyof FlowInput | "other_protocol" | "other_dscp", label: string, props: object = {}) => (
    <label key={name}>
      {label}
      <input
        name={name}
        autoComplete="off"
        aria-invalid={errorFor(name) ? true : undefined}
        aria-describedby={errorFor(name) ? "which-policy-error" : undefined}
        {...props}
      />
    </label>
  );
  const sites = network?.sites ?? [];
  const paths = network ? new Map(pathLabels(network).map((p) => [p.id, p.label])) : new Map<string, string>();

  return (
    <section aria-labelledby="which-policy-title" className={styles.result}>
      <h2 id="which-policy-title">Which policy takes this flow?</h2>
      <form className="filters" onSubmit={(e) => void ask(e)} noValidate>
        {input("source", "Source address", { placeholder: "10.8.1.20", required: true })}
        {input("destination", "Destination address", { placeholder: "192.0.2.10", required: true })}
        {input("source_port", "Source port", { inputMode: "numeric", defaultValue: "50000" })}
        {input("destination_port", "Destination port", { inputMode: "numeric", defaultValue: "443" })}
        <label>
          Protocol
          <select value={protocol} onChange={(e) => setProtocol(e.target.value)}>
            {NAMED_PROTOCOLS.map((p) => (
              <option key={p.value} value={p.value}>
                {protocolLabel(p.value)}
              </option>
            ))}
            <option value="other">Other number…</option>
          </select>
        </label>
        {protocol === "other" && input("other_protocol", "Protocol number", { inputMode: "numeric" })}
        <label>
          DSCP
          <select value={dscp} onChange={(e) => setDscp(e.target.value)}>
            {NAMED_DSCP.map((d) => (
              <option key={d.value} value={d.value}>
                {dscpLabel(d.value)}
              </option>
            ))}
            <option value="other">Other value…</option>
          </select>
        </label>
        {dscp === "other" && input("other_dscp", "DSCP value", { inputMode: "numeric" })}
        {(["source_site", "destination_site"] as const).map((name) => (
          <label key={name}>
            {name === "source_site" ? "From site (for the path)" : "To site (for the path)"}
            <select name={name} defaultValue="">
              <option value="">Any: no path</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" disabled={asking}>
          {asking ? "Asking…" : "Find the policy"}
        </button>
      </form>
      {fieldError && (
        <p id="which-policy-error" role="alert" className="error">
          {fieldError.message}
        </p>
      )}
      <div aria-live="polite" data-testid="which-policy-answer">
        {answer && <AnswerView answer={answer} pathLabel={(id) => paths.get(String(id)) ?? `path ${id}`} />}
      </div>
    </section>
  );
}

function AnswerView({ answer: { match, route }, pathLabel }: { answer: Answer; pathLabel: (id: number) => string }) {
  return (
    <>
      <p>
        {match.policy ? (
          <>
            <strong>{match.policy.name}</strong> (priority {match.policy.priority}) takes this flow.
          </>
        ) : (
          <strong>No enabled policy takes this flow: it is counted as unmatched.</strong>
        )}{" "}
        <span className="muted">Why: {match.reason}.</span>
      </p>
      {match.passed_over.length > 0 && (
        <>
          <p>Ranked above it, and why each passed the flow over:</p>
          <ul aria-label="Policies that passed the flow over">
            {match.passed_over.map((p) => (
              <li key={p.policy_id}>
                {p.name} (priority {p.priority}): the flow is not among its {RULE_NAMES[p.failed_rule] ?? p.failed_rule}
              </li>
            ))}
            {match.passed_over_more > 0 && <li>and {match.passed_over_more} more</li>}
          </ul>
        </>
      )}
      {route && (
        <p>
          {route.path_id === null || route.path_id === undefined ? (
            <strong>No path: </strong>
          ) : (
            <>
              Path: <strong>{pathLabel(route.path_id)}</strong>.{" "}
            </>
          )}
          <span className="muted">
            {route.reason}
            {route.cache_hit ? " (from the routing cache)" : ""}.
          </span>
        </p>
      )}
    </>
  );
}
