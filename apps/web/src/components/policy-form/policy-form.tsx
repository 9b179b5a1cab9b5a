"use client";

import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useMutation, useQuery } from "@apollo/client/react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { graphql } from "../../graphql";
import { PathPreference, type PolicyChangeInput } from "../../graphql/graphql";
import { PolicyChangePreview } from "../policy-change-preview";
import { describeError, Empty, Loading, LoadError } from "../query-states";
import { dscpLabel, NAMED_DSCP, NAMED_PROTOCOLS, protocolLabel } from "./catalog";
import { DeletePolicyDialog } from "./delete-policy-dialog";
import {
  draftChange,
  draftFromPolicy,
  draftProblems,
  draftRules,
  draftToInput,
  emptyDraft,
  familyProblem,
  fieldOrder,
  inputId,
  inputKeyFor,
  type PolicyDraft,
  type RuleList,
} from "./draft";
import { PinnedPathPicker } from "./pinned-path-picker";
import { FieldError, fieldProps, NumberPicker, RuleListEditor } from "./rule-editors";
import styles from "./policy-form.module.css";

// PolicyFields is declared beside the policy page (policy-detail.tsx), which reads the same fields.
const POLICY_TO_EDIT = graphql(`
  query PolicyFormPolicy($id: ID!) {
    policy(id: $id) {
      ...PolicyFields
    }
  }
`);

const CREATE_POLICY = graphql(`
  mutation PolicyFormCreate($input: PolicyInput!) {
    createPolicy(input: $input) {
      id
      name
    }
  }
`);

const UPDATE_POLICY = graphql(`
  mutation PolicyFormUpdate($id: ID!, $patch: PolicyPatch!) {
    updatePolicy(policy_id: $id, input: $patch) {
      ...PolicyFields
    }
  }
`);

const SET_POLICY_ENABLED = graphql(`
  mutation PolicyFormSetEnabled($id: ID!, $enabled: Boolean!) {
    setPolicyEnabled(policy_id: $id, enabled: $enabled) {
      id
      enabled
    }
  }
`);

const PREFERENCE_LABELS: Record<PathPreference, string> = {
  lowest_latency: "Lowest latency",
  lowest_loss: "Lowest loss",
  highest_bandwidth: "Highest bandwidth",
  lowest_cost: "Lowest cost",
};

/** How long typing must pause before the preview asks the collector about the draft. */
const PREVIEW_DELAY_MS = 400;

/** `value` once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The edit page's form: loads the policy, then edits it. */
export function EditPolicy({ policyId }: { policyId: string }) {
  const { data, error, refetch } = useQuery(POLICY_TO_EDIT, {
    variables: { id: policyId },
    fetchPolicy: "network-only",
  });
  const policy = data?.policy;
  // One object per loaded policy, so the form's preview is not recomputed on every render of this one.
  const saved = useMemo(() => policy && { policyId: policy.id, draft: draftFromPolicy(policy) }, [policy]);
  if (error) return <LoadError what="the policy" error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="the policy" />;
  if (!saved) {
    return (
      <Empty>There is no policy {policyId}: it may have been deleted. The policies page lists those there are.</Empty>
    );
  }
  return <PolicyForm key={saved.policyId} saved={saved} />;
}

/**
 * A policy as a form: fields, the match-rule editor and the preview of what saving would do to live
 * traffic. Problems show beside their input as they are typed; Save sends the draft all the same (the
 * server is the judge of what it stores) and puts each refusal beside its input, focusing the first.
 */
export function PolicyForm({ saved }: { saved?: { policyId: string; draft: PolicyDraft } }) {
  const router = useRouter();
  const [draft, setDraft] = useState<PolicyDraft>(() => saved?.draft ?? emptyDraft());
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [refusals, setRefusals] = useState<ReadonlyMap<string, string>>(new Map());
  const [formError, setFormError] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  const [create, { loading: creating }] = useMutation(CREATE_POLICY);
  const [update, { loading: updating }] = useMutation(UPDATE_POLICY);
  const [setEnabled, { loading: toggling }] = useMutation(SET_POLICY_ENABLED);

  const problems = useMemo(() => draftProblems(draft), [draft]);
  const change = useMemo(() => draftChange(draft, saved), [draft, saved]);
  const previewed = useSettled<PolicyChangeInput | null>(change, PREVIEW_DELAY_MS);

  const errorOf = (key: string) =>
    refusals.get(key) ?? (submitted || touched.has(base(key)) ? problems.get(key) : undefined);

  /**
   * Sets fields of the draft; the server's refusals of those fields no longer apply. `touch`: show the
   * fields' problems from now on (not for a row just added, which is blank until typed in).
   */
  function edit(fields: Partial<PolicyDraft>, touch = true) {
    setDraft((d) => ({ ...d, ...fields }));
    const keys = Object.keys(fields).map(fieldKeyOf);
    if (touch) setTouched((t) => new Set([...t, ...keys]));
    setRefusals((r) => new Map([...r].filter(([key]) => !keys.includes(base(key)))));
  }

  function focusFirst(keys: Iterable<string>) {
    const wanted = new Set(keys);
    const first = fieldOrder(draft).find((key) => wanted.has(key));
    if (first) requestAnimationFrame(() => document.getElementById(inputId(first))?.focus());
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFormError(undefined);
    // What GraphQL cannot take as a number, and what the server would store but nobody means.
    if (problems.has("priority")) return focusFirst(["priority"]);
    const rules = draftRules(draft);
    if (familyProblem(rules.source_cidrs, rules.destination_cidrs))
      return focusFirst(["match_rules.destination_cidrs[0]"]);
    try {
      if (!saved) {
        await create({ variables: { input: draftToInput(draft) } });
      } else if (change?.kind === "set_enabled") {
        await setEnabled({ variables: { id: saved.policyId, enabled: draft.enabled } });
      } else if (change?.kind === "update" && change.patch) {
        await update({ variables: { id: saved.policyId, patch: change.patch } });
      } else if (problems.size === 0) {
        setFormError("Nothing to save: the form holds the policy as it is.");
        return;
      } else {
        // An edit with problems has no preview change; send it whole so the server names them.
        await update({ variables: { id: saved.policyId, patch: draftToInput(draft) } });
      }
      router.push("/policies");
    } catch (error) {
      refused(error);
    }
  }

  function refused(error: unknown) {
    if (!CombinedGraphQLErrors.is(error)) return setFormError(`Not saved: ${describeError(error)}`);
    const placed = new Map<string, string>();
    const elsewhere: string[] = [];
    for (const e of error.errors) {
      const field = e.extensions?.field;
      const key = typeof field === "string" ? inputKeyFor(draft, field) : undefined;
      // Beside its input the field's path says nothing: "match_rules.source_cidrs[1]: …" loses its prefix.
      const message =
        typeof field === "string" && e.message.startsWith(`${field}: `) ? e.message.slice(field.length + 2) : e.message;
      if (key && !placed.has(key)) placed.set(key, `Refused by the server: ${message}`);
      else elsewhere.push(e.message);
    }
    setRefusals(placed);
    if (elsewhere.length > 0) setFormError(`Not saved: ${elsewhere.join("; ")}`);
    focusFirst(placed.keys());
  }

  const busy = creating || updating || toggling;
  const textField = (key: "name" | "description", label: string, hint?: string) => (
    <label className={styles.field}>
      <span>{label}</span>
      {key === "description" ? (
        <textarea
          {...fieldProps(key, errorOf(key))}
          rows={2}
          value={draft[key]}
          onChange={(e) => edit({ [key]: e.target.value })}
        />
      ) : (
        <input
          {...fieldProps(key, errorOf(key))}
          value={draft[key]}
          autoComplete="off"
          required
          onChange={(e) => edit({ [key]: e.target.value })}
        />
      )}
      {hint && <small className="muted">{hint}</small>}
      <FieldError field={key} message={errorOf(key)} />
    </label>
  );
  const ruleList = (list: RuleList, legend: string, entryLabel: string, anyText: string, placeholder: string) => (
    <RuleListEditor
      field={`match_rules.${list}`}
      legend={legend}
      entryLabel={entryLabel}
      anyText={anyText}
      placeholder={placeholder}
      rows={draft[list]}
      errorOf={errorOf}
      onChange={(rows) => edit({ [list]: rows }, rows.length <= draft[list].length)}
    />
  );

  return (
    <>
      <form
        className={styles.form}
        onSubmit={(e) => void save(e)}
        noValidate
        aria-label={saved ? "Edit policy" : "New policy"}
      >
        {textField("name", "Name")}
        {textField("description", "Description")}
        <label className={styles.field}>
          <span>Priority (0-1000; higher wins, ties go to the older policy)</span>
          <input
            {...fieldProps("priority", errorOf("priority"))}
            type="number"
            min={0}
            max={1000}
            step={1}
            value={draft.priority}
            onChange={(e) => edit({ priority: e.target.value })}
          />
          <FieldError field="priority" message={errorOf("priority")} />
        </label>
        <label className={styles.inline}>
          <input
            {...fieldProps("enabled", undefined)}
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => edit({ enabled: e.target.checked })}
          />
          Enabled (a disabled policy keeps its rules and history but matches nothing)
        </label>
        <label className={styles.field}>
          <span>Path preference</span>
          <select
            {...fieldProps("path_preference", errorOf("path_preference"))}
            value={draft.path_preference}
            onChange={(e) => edit({ path_preference: e.target.value as PathPreference })}
          >
            {Object.values(PathPreference).map((p) => (
              <option key={p} value={p}>
                {PREFERENCE_LABELS[p]}
              </option>
            ))}
          </select>
          <FieldError field="path_preference" message={errorOf("path_preference")} />
        </label>
        <PinnedPathPicker
          value={draft.pinned_path_id}
          error={errorOf("pinned_path_id")}
          onChange={(pinned_path_id) => edit({ pinned_path_id })}
        />

        <h2>Which traffic it matches</h2>
        <p className="muted">
          A flow must match every rule; a rule with entries matches when any entry does. A rule left empty matches any
          traffic.
        </p>
        <div className={styles.rules}>
          {ruleList(
            "source_cidrs",
            "Source addresses",
            "Source CIDR block",
            "Any source address",
            "10.0.0.0/8 or 2001:db8::/32",
          )}
          {ruleList(
            "destination_cidrs",
            "Destination addresses",
            "Destination CIDR block",
            "Any destination address",
            "10.0.0.0/8 or 2001:db8::/32",
          )}
          {ruleList("source_ports", "Source ports", "Source port", "Any source port", "443 or 10000-20000")}
          {ruleList(
            "destination_ports",
            "Destination ports",
            "Destination port",
            "Any destination port",
            "443 or 10000-20000",
          )}
          <NumberPicker
            field="match_rules.protocols"
            legend="Protocols"
            anyText="Any protocol"
            catalog={NAMED_PROTOCOLS}
            label={protocolLabel}
            ticked={draft.protocols}
            other={draft.other_protocols}
            otherLabel="Other protocol numbers (0-255, separated by commas)"
            errorOf={errorOf}
            onTicked={(protocols) => edit({ protocols })}
            onOther={(other_protocols) => edit({ other_protocols })}
          />
          <NumberPicker
            field="match_rules.dscp"
            legend="DSCP"
            anyText="Any DSCP value"
            catalog={NAMED_DSCP}
            label={dscpLabel}
            ticked={draft.dscp}
            other={draft.other_dscp}
            otherLabel="Other DSCP values (0-63, separated by commas)"
            errorOf={errorOf}
            onTicked={(dscp) => edit({ dscp })}
            onOther={(other_dscp) => edit({ other_dscp })}
          />
        </div>

        <h2>What saving would do to live traffic</h2>
        <PolicyChangePreview change={previewed} />

        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        <p className="actions">
          <button type="submit" disabled={busy}>
            {busy ? "Saving…" : saved ? "Save policy" : "Create policy"}
          </button>
          <button type="button" onClick={() => router.push("/policies")}>
            Cancel
          </button>
          {saved && (
            <button type="button" className="danger" onClick={() => setDeleting(true)}>
              Delete policy…
            </button>
          )}
        </p>
      </form>
      {saved && deleting && (
        <DeletePolicyDialog
          policyId={saved.policyId}
          name={saved.draft.name}
          onClose={() => setDeleting(false)}
          onDeleted={() => router.push("/policies")}
        />
      )}
    </>
  );
}

/** The field key of a draft field: the picker's typed numbers belong to its rule. */
const fieldKeyOf = (field: string) => (PLAIN_FIELDS.has(field) ? field : `match_rules.${field.replace(/^other_/, "")}`);
const PLAIN_FIELDS = new Set(["name", "description", "priority", "enabled", "path_preference", "pinned_path_id"]);

/** The field key of a list entry's key: "match_rules.source_cidrs[1]" belongs to "match_rules.source_cidrs". */
const base = (key: string) => key.replace(/\[\d+\]$/, "");
