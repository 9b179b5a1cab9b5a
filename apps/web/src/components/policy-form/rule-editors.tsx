"use client";

import { useRef } from "react";
import { inputId } from "./draft";
import styles from "./policy-form.module.css";

/** "Source CIDR block" -> "source CIDR block": mid-sentence, acronyms kept. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The message shown under an input, if any; its id is what the input's aria-describedby points at. */
export function FieldError({ field, message }: { field: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${inputId(field)}-error`} className={`error ${styles.fieldError}`}>
      {message}
    </p>
  );
}

/** The attributes tying an input to its field key and its error. */
export function fieldProps(field: string, message: string | undefined) {
  return {
    id: inputId(field),
    "aria-invalid": message ? true : undefined,
    "aria-describedby": message ? `${inputId(field)}-error` : undefined,
  };
}

/**
 * A list of text entries, one input a row, added and removed with buttons. No rows reads "any", in words,
 * so clearing the list is never a silent surprise; a blank row is an error, not "any".
 */
export function RuleListEditor({
  field,
  legend,
  entryLabel,
  anyText,
  placeholder,
  rows,
  errorOf,
  onChange,
}: {
  field: string;
  legend: string;
  /** "Source CIDR block": rows are labelled "Source CIDR block 1", … */
  entryLabel: string;
  anyText: string;
  placeholder: string;
  rows: string[];
  errorOf: (key: string) => string | undefined;
  onChange: (rows: string[]) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const add = () => {
    onChange([...rows, ""]);
    // Focus the new row once React has rendered it.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>("li:last-child input")?.focus());
  };
  return (
    <fieldset className={styles.rule} id={inputId(field)} tabIndex={-1}>
      <legend>{legend}</legend>
      <div ref={list}>
        {rows.length === 0 ? (
          <p className={styles.any}>{anyText}</p>
        ) : (
          <ol className={styles.rows}>
            {rows.map((value, i) => {
              const key = `${field}[${i}]`;
              const message = errorOf(key);
              return (
                <li key={i}>
                  <label htmlFor={inputId(key)} className={styles.hidden}>
                    {entryLabel} {i + 1}
                  </label>
                  <input
                    {...fieldProps(key, message)}
                    value={value}
                    placeholder={placeholder}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => onChange(rows.map((r, j) => (j === i ? e.target.value : r)))}
                  />
                  <button
                    type="button"
                    aria-label={`Remove ${lowerFirst(entryLabel)} ${i + 1}`}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                  <FieldError field={key} message={message} />
                </li>
              );
            })}
          </ol>
        )}
      </div>
      <FieldError field={field} message={errorOf(field)} />
      <button type="button" onClick={add}>
        Add {lowerFirst(entryLabel)}
      </button>
    </fieldset>
  );
}

/**
 * Named values as checkboxes and any other number typed beside them. Nothing ticked and nothing typed
 * reads "any" in words; otherwise the line says exactly what the rule matches.
 */
export function NumberPicker({
  field,
  legend,
  anyText,
  catalog,
  label,
  ticked,
  other,
  otherLabel,
  errorOf,
  onTicked,
  onOther,
}: {
  field: string;
  legend: string;
  anyText: string;
  catalog: readonly { value: number; name: string }[];
  label: (value: number) => string;
  ticked: number[];
  other: string;
  otherLabel: string;
  errorOf: (key: string) => string | undefined;
  onTicked: (values: number[]) => void;
  onOther: (text: string) => void;
}) {
  const message = errorOf(field);
  const chosen = [...ticked].sort((a, b) => a - b).map(label);
  const typed = other.trim();
  return (
    <fieldset className={styles.rule}>
      <legend>{legend}</legend>
      <p className={chosen.length === 0 && typed === "" ? styles.any : styles.summary}>
        {chosen.length === 0 && typed === "" ? anyText : `Matches ${[...chosen, ...(typed ? [typed] : [])].join(", ")}`}
      </p>
      <div className={styles.checks}>
        {catalog.map(({ value, name }) => (
          <label key={value}>
            <input
              type="checkbox"
              checked={ticked.includes(value)}
              onChange={(e) => onTicked(e.target.checked ? [...ticked, value] : ticked.filter((v) => v !== value))}
            />
            {name} <span className="muted">{value}</span>
          </label>
        ))}
      </div>
      <label className={styles.other} htmlFor={inputId(field)}>
        {otherLabel}
      </label>
      <input
        {...fieldProps(field, message)}
        className={styles.otherInput}
        value={other}
        inputMode="numeric"
        autoComplete="off"
        placeholder="e.g. 115, 89"
        onChange={(e) => onOther(e.target.value)}
      />
      <FieldError field={field} message={message} />
    </fieldset>
  );
}
