"use client";

import { useEffect, useId, useRef, type ReactNode, type Ref } from "react";

/**
 * The modal every destructive action asks behind: opened as it mounts, titled by its heading, with the
 * action's error announced above a danger button and Cancel. Escape and Cancel close it natively and
 * `onClose` keeps the page's state in step. `focusCancel` gives Cancel the focus on open (the safe choice
 * under Enter); otherwise the browser focuses the first enabled control. `onConfirm` gets `close` for an
 * action that shuts the dialog before it runs.
 */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  canConfirm = true,
  onConfirm,
  onClose,
  error,
  focusCancel = false,
  className,
  children,
}: {
  title: ReactNode;
  /** A paragraph read out with the title (aria-describedby). */
  description?: ReactNode;
  confirmLabel: string;
  canConfirm?: boolean;
  onConfirm: (close: () => void) => void;
  onClose: () => void;
  error?: string;
  focusCancel?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const close = () => dialog.current?.close();
  const focusCancelOnOpen = useRef(focusCancel);

  useEffect(() => {
    dialog.current?.showModal();
    if (focusCancelOnOpen.current) cancel.current?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {description && <p id={`${id}-description`}>{description}</p>}
      {children}
      {error && <p role="alert">{error}</p>}
      <p className="actions">
        <button type="button" className="danger" disabled={!canConfirm} onClick={() => onConfirm(close)}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancel} onClick={close}>
          Cancel
        </button>
      </p>
    </dialog>
  );
}

/** The field a deletion waits on: the user types the exact name of what goes, so no click deletes by mistake. */
export function TypeToConfirm({
  name,
  value,
  onChange,
  ref,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <label>
      <span>
        Type <strong>{name}</strong> to confirm
      </span>
      <input ref={ref} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
    </label>
  );
}
