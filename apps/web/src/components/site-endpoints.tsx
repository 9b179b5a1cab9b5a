"use client";

import { useMutation } from "@apollo/client/react";
import { plural } from "@patronus/core/format";
import { interfaceKinds, isInterfaceKind } from "@patronus/core/sites/interface-kinds";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { graphql } from "../graphql";
import { Empty } from "./query-states";
import { Field, FormError } from "./field";
import { DeleteDialog, WhatGoes } from "./site-delete-dialog";
import { useSiteDeletion } from "./site-deletion";
import { formErrors, noErrors, type FormErrors } from "./site-field-errors";
import { focusAfter } from "./site-focus";
import styles from "./site-page.module.css";
import type { SiteData } from "./site-page";

type EndpointRow = SiteData["endpoints"][number];

const CREATE_ENDPOINT = graphql(`
  mutation CreateEndpoint($input: EndpointInput!) {
    createEndpoint(input: $input) {
      id
      address
    }
  }
`);

const UPDATE_ENDPOINT = graphql(`
  mutation UpdateEndpoint($id: ID!, $input: EndpointPatch!) {
    updateEndpoint(endpoint_id: $id, input: $input) {
      id
      address
      port
      interface_kind
      cost_per_gb
      reachable
    }
  }
`);

const ENDPOINT_DEPENDENCIES = graphql(`
  query EndpointDependencies($id: ID!) {
    endpoint_dependencies(endpoint_id: $id) {
      address
      paths
      path_metrics
      pinned_policies {
        policy_id
        name
      }
    }
  }
`);

const DELETE_ENDPOINT = graphql(`
  mutation DeleteEndpoint($id: ID!) {
    deleteEndpoint(endpoint_id: $id) {
      address
      paths_deleted
      path_metrics_deleted
      unpinned_policies {
        name
      }
    }
  }
`);

/** The site's endpoints; operators and admins add, edit and delete them. */
export function SiteEndpoints({
  site,
  canEdit,
  onChanged,
}: {
  site: SiteData;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [remove] = useMutation(DELETE_ENDPOINT);
  // undefined: no form; null: the new-endpoint form; else the endpoint being edited.
  const [editing, setEditing] = useState<EndpointRow | null>();
  const { deleting, setDeleting, notice, setNotice, noticeRef, loadCounts, deleted } = useSiteDeletion<EndpointRow>();
  const addButton = useRef<HTMLButtonElement>(null);
  const closeForm = () => {
    focusAfter(addButton, () => setEditing(undefined));
  };

  return (
    <section className={styles.section} aria-labelledby="endpoints-title">
      <div className={styles.heading}>
        <h2 id="endpoints-title">Endpoints</h2>
        {canEdit && editing === undefined && (
          <button type="button" ref={addButton} onClick={() => setEditing(null)}>
            Add endpoint
          </button>
        )}
      </div>
      {editing !== undefined && (
        <EndpointForm
          key={editing?.id ?? "new"}
          siteId={site.id}
          endpoint={editing ?? undefined}
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
      {site.endpoints.length === 0 ? (
        <Empty>No endpoints yet.{canEdit ? " Add one with its WAN address and port." : ""}</Empty>
      ) : (
        <table aria-label="Endpoints">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col" className={styles.numeric}>
                Port
              </th>
              <th scope="col">Interface</th>
              <th scope="col" className={styles.numeric}>
                Cost per GB
              </th>
              <th scope="col">Reachable</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {site.endpoints.map((e) => (
              <tr key={e.id}>
                <td>{e.address}</td>
                <td className={styles.numeric}>{e.port}</td>
                <td>{e.interface_kind}</td>
                <td className={styles.numeric}>{e.cost_per_gb.toFixed(2)}</td>
                <td>{e.reachable ? "yes" : "no"}</td>
                {canEdit && (
                  <td>
                    <span className={styles.rowActions}>
                      <button type="button" aria-label={`Edit endpoint ${e.address}`} onClick={() => setEditing(e)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete endpoint ${e.address}`}
                        onClick={() => setDeleting(e)}
                      >
                        Delete
                      </button>
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <DeleteDialog
          key={deleting.id}
          title={`Delete endpoint ${deleting.address}?`}
          confirmLabel="Delete endpoint"
          load={() => loadCounts(ENDPOINT_DEPENDENCIES, { id: deleting.id }, (d) => d.endpoint_dependencies)}
          describe={(d) => (
            <WhatGoes pinned={d.pinned_policies}>
              <li>
                the endpoint {d.address} port {deleting.port}
              </li>
              <li>{plural(d.paths, "path")} from or to it, at both ends</li>
              <li>{plural(d.path_metrics, "path metric row")}</li>
            </WhatGoes>
          )}
          remove={async () => {
            const { data } = await remove({ variables: { id: deleting.id } });
            const r = data!.deleteEndpoint;
            return `Deleted endpoint ${r.address} with ${plural(r.paths_deleted, "path")} and ${plural(r.path_metrics_deleted, "path metric row")}.`;
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

const endpointFields = ["address", "port", "interface_kind", "cost_per_gb"] as const;

/** Adds an endpoint to the site (without `endpoint`) or edits one; the API's messages sit by their fields. */
function EndpointForm({
  siteId,
  endpoint,
  onSaved,
  onCancel,
}: {
  siteId: string;
  endpoint?: EndpointRow;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState({
    address: endpoint?.address ?? "",
    port: String(endpoint?.port ?? 4500),
    interface_kind: endpoint?.interface_kind ?? interfaceKinds[0],
    cost_per_gb: String(endpoint?.cost_per_gb ?? 0),
    reachable: endpoint?.reachable ?? true,
  });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [create, creating] = useMutation(CREATE_ENDPOINT);
  const [update, updating] = useMutation(UPDATE_ENDPOINT);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const title = endpoint ? `Edit endpoint ${endpoint.address}` : "Add endpoint";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors(noErrors);
    // The inputs are type=number and required, so the browser has refused anything that is not a number.
    const input = {
      address: values.address.trim(),
      port: Number(values.port),
      interface_kind: values.interface_kind,
      cost_per_gb: Number(values.cost_per_gb),
      reachable: values.reachable,
    };
    try {
      if (endpoint) {
        await update({ variables: { id: endpoint.id, input } });
        onSaved(`Saved endpoint ${input.address}.`);
      } else {
        await create({ variables: { input: { ...input, site_id: siteId } } });
        onSaved(`Added endpoint ${input.address}.`);
      }
    } catch (error) {
      setErrors(formErrors(error, endpointFields));
    }
  }

  return (
    <form className={styles.form} aria-label={title} onSubmit={(e) => void submit(e)}>
      <h3>{title}</h3>
      <Field label="Address" error={errors.fields.address}>
        {(props) => (
          <input
            {...props}
            ref={first}
            value={values.address}
            required
            maxLength={45}
            autoComplete="off"
            spellCheck={false}
            placeholder="203.0.113.10"
            onChange={(e) => setValues({ ...values, address: e.target.value })}
          />
        )}
      </Field>
      <Field label="Port" error={errors.fields.port}>
        {(props) => (
          <input
            {...props}
            type="number"
            required
            min={1}
            max={65535}
            value={values.port}
            onChange={(e) => setValues({ ...values, port: e.target.value })}
          />
        )}
      </Field>
      <Field label="Interface kind" error={errors.fields.interface_kind}>
        {(props) => (
          <select
            {...props}
            value={values.interface_kind}
            onChange={(e) => {
              const kind = e.target.value;
              if (isInterfaceKind(kind)) setValues({ ...values, interface_kind: kind });
            }}
          >
            {interfaceKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Cost per GB" error={errors.fields.cost_per_gb}>
        {(props) => (
          <input
            {...props}
            type="number"
            required
            min={0}
            step="any"
            value={values.cost_per_gb}
            onChange={(e) => setValues({ ...values, cost_per_gb: e.target.value })}
          />
        )}
      </Field>
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={values.reachable}
          onChange={(e) => setValues({ ...values, reachable: e.target.checked })}
        />
        Reachable
      </label>
      <FormError errors={errors} />
      <p className={styles.formActions}>
        <button type="submit" disabled={creating.loading || updating.loading}>
          {endpoint ? "Save endpoint" : "Add endpoint"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
