"use client";

import { plural } from "@patronus/core/format";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { ConfirmDialog } from "./confirm-dialog";
import { describeError } from "./query-states";
import styles from "./site-page.module.css";

/**
 * A deletion behind a modal dialog: `load` counts what goes (a `*_dependencies` query) and `describe`
 * lists it, so the user confirms exactly what the cascade removes. Cancel has the focus on open (the
 * safe choice under Enter); Escape and Cancel close without deleting. `remove` deletes and returns the
 * sentence the page shows afterwards.
 */
export function DeleteDialog<T>({
  title,
  confirmLabel,
  load,
  describe,
  remove,
  onClose,
  onDeleted,
}: {
  title: string;
  confirmLabel: string;
  load: () => Promise<T>;
  describe: (dependencies: T) => ReactNode;
  remove: () => Promise<string>;
  onClose: () => void;
  onDeleted: (message: string) => void;
}) {
  const [dependencies, setDependencies] = useState<T>();
  const [error, setError] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  // The loader is a new closure on every render of the page; the dialog counts once, when it opens.
  const loadOnce = useRef(load);

  useEffect(() => {
    loadOnce
      .current()
      .then(setDependencies)
      .catch((e: unknown) => setError(`Could not count what goes with it: ${describeError(e)}`));
  }, []);

  async function confirm() {
    setDeleting(true);
    setError(undefined);
    try {
      onDeleted(await remove());
    } catch (e) {
      setError(`Deleting failed: ${describeError(e)}`);
      setDeleting(false);
    }
  }

  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      canConfirm={dependencies !== undefined && !deleting}
      onConfirm={() => void confirm()}
      onClose={onClose}
      error={error}
      focusCancel
      className={styles.dialog}
    >
      {dependencies === undefined && !error && (
        <p className="muted" role="status">
          Counting what goes with it…
        </p>
      )}
      {dependencies !== undefined && describe(dependencies)}
    </ConfirmDialog>
  );
}

/**
 * What a deletion removes, as the dialogs list it: `children` are the list's items, `note` a line after
 * them, and `pinned` the policies pinned to what goes, which are kept, unpinned (`fallback` says what
 * they do instead).
 */
export function WhatGoes({
  children,
  note,
  pinned = [],
  pinnedTo = "these paths",
  fallback = "",
}: {
  children: ReactNode;
  note?: ReactNode;
  pinned?: readonly { name: string }[];
  pinnedTo?: string;
  fallback?: string;
}) {
  return (
    <>
      <p>One transaction removes all of this; it cannot be undone:</p>
      <ul aria-label="What will be deleted">{children}</ul>
      {note}
      {pinned.length > 0 && (
        <p>
          {`${plural(pinned.length, "policy", "policies")} pinned to ${pinnedTo} will be kept, unpinned${fallback}: `}
          {pinned.map((p) => p.name).join(", ")}.
        </p>
      )}
    </>
  );
}
