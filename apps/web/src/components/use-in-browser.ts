import { useSyncExternalStore } from "react";

const never = () => () => undefined;

/** False on the server and while the page hydrates, true after: for what only the reader's browser knows. */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
