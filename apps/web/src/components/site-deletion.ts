"use client";

import type { OperationVariables, TypedDocumentNode } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { useRef, useState } from "react";
import { focusAfter } from "./site-focus";

/**
 * What a site-page table keeps around its DeleteDialog (site-delete-dialog.tsx): the row being deleted,
 * a loader of the deletion counts, and the status line that reports the deletion and takes the focus
 * once the dialog has gone.
 */
export function useSiteDeletion<Row>() {
  const client = useApolloClient();
  const [deleting, setDeleting] = useState<Row>();
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLParagraphElement>(null);

  /** Counts what goes, fresh from the server (a `*_dependencies` query): the dialog's `load`. */
  async function loadCounts<Data, Variables extends OperationVariables, Counts>(
    query: TypedDocumentNode<Data, Variables>,
    variables: Variables,
    pick: (data: Data) => Counts,
  ): Promise<Counts> {
    const { data } = await client.query({ query, variables, fetchPolicy: "network-only" });
    if (!data) throw new Error("the server sent no counts");
    return pick(data);
  }

  /** The dialog's `onDeleted`: closes it, says what went, and moves the focus to that sentence. */
  function deleted(message: string) {
    focusAfter(noticeRef, () => {
      setDeleting(undefined);
      setNotice(message);
    });
  }

  return { deleting, setDeleting, notice, setNotice, noticeRef, loadCounts, deleted };
}
