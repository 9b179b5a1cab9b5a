"use client";

import { useId, type ReactNode } from "react";
import type { FormErrors } from "./site-field-errors";
import styles from "./site-page.module.css";

/** What an input needs to be announced with its label and its error. */
export interface FieldProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** A labelled input with the API's message for it beneath, tied to it for screen readers. */
export function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children(error ? { id, "aria-invalid": true, "aria-describedby": errorId } : { id })}
      {error && (
        <span id={errorId} className={styles.fieldError}>
          {error}
        </span>
      )}
    </div>
  );
}

/** The form's own error (one no field owns), announced when it appears. */
export function FormError({ errors }: { errors: FormErrors }) {
  return errors.form ? (
    <p role="alert" className="error">
      {errors.form}
    </p>
  ) : null;
}
