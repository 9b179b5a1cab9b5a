"use client";

import { useMutation } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { graphql } from "../graphql";
import { SiteStatus } from "../graphql/graphql";
import { Field, FormError } from "./field";
import { formErrors, noErrors, type FormErrors } from "./site-field-errors";
import styles from "./site-page.module.css";

const CREATE_SITE = graphql(`
  mutation CreateSite($input: SiteInput!) {
    createSite(input: $input) {
      id
      name
    }
  }
`);

const UPDATE_SITE = graphql(`
  mutation UpdateSite($id: ID!, $input: SitePatch!) {
    updateSite(site_id: $id, input: $input) {
      id
      name
      location
      status
      updated_at
    }
  }
`);

const siteFields = ["name", "location", "status"] as const;

export interface SiteValues {
  name: string;
  location: string;
  status: SiteStatus;
}

/**
 * Creates a site (without `site`) or edits one. The name field has the focus when the form opens, and
 * each message of a refusal sits beside its field.
 */
export function SiteForm({
  site,
  onSaved,
  onCancel,
}: {
  site?: SiteValues & { id: string };
  onSaved: (saved: { id: string; name: string }) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<SiteValues>(site ?? { name: "", location: "", status: "active" });
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [create, creating] = useMutation(CREATE_SITE);
  const [update, updating] = useMutation(UPDATE_SITE);
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);
  const title = site ? `Edit ${site.name}` : "New site";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors(noErrors);
    try {
      if (site) {
        const { data } = await update({ variables: { id: site.id, input: values } });
        if (data) onSaved(data.updateSite);
      } else {
        const { data } = await create({ variables: { input: values } });
        if (data) onSaved(data.createSite);
      }
    } catch (error) {
      setErrors(formErrors(error, siteFields));
    }
  }

  return (
    <form className={styles.form} aria-label={title} onSubmit={(e) => void submit(e)}>
      <h2>{title}</h2>
      <Field label="Name" error={errors.fields.name}>
        {(props) => (
          <input
            {...props}
            ref={nameInput}
            value={values.name}
            required
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setValues({ ...values, name: e.target.value })}
          />
        )}
      </Field>
      <Field label="Location" error={errors.fields.location}>
        {(props) => (
          <input
            {...props}
            value={values.location}
            maxLength={200}
            onChange={(e) => setValues({ ...values, location: e.target.value })}
          />
        )}
      </Field>
      <Field label="Status" error={errors.fields.status}>
        {(props) => (
          <select
            {...props}
            value={values.status}
            onChange={(e) => setValues({ ...values, status: e.target.value as SiteStatus })}
          >
            {Object.values(SiteStatus).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError errors={errors} />
      <p className={styles.formActions}>
        <button type="submit" disabled={creating.loading || updating.loading}>
          {site ? "Save site" : "Create site"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
