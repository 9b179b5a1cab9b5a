import type { RefObject } from "react";
import { flushSync } from "react-dom";

/**
 * Applies `update` now, then moves the focus to `target`. Committing first matters: while a modal dialog
 * is still in the page everything outside it is inert and refuses the focus, and a button the update
 * brings back does not exist before it.
 */
export function focusAfter(target: RefObject<HTMLElement | null>, update: () => void): void {
  flushSync(update);
  target.current?.focus();
}
