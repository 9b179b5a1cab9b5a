import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { Context } from "../context";

type Counter = "packets_matched" | "bytes_matched" | "active_flows";
const COUNTERS = new Set<string>(["packets_matched", "bytes_matched", "active_flows"] satisfies Counter[]);

/**
 * A policy's live counter: a plain number once the request's traffic is loaded, else a promise of it.
 * A list whose root resolver loaded it first (loadCountersFor) so resolves 1,000 policies' counters
 * without 2,000 promises, which was most of the list's cost (docs/architecture.md, "API cost").
 */
export function counterOf(ctx: Context, policyId: number, name: Counter): number | Promise<number> {
  const read = (view: NonNullable<ReturnType<Context["trafficNow"]>>) => view.byPolicy.get(policyId)?.[name] ?? 0;
  const view = ctx.trafficNow();
  return view ? read(view) : ctx.traffic().then(read);
}

/** Loads the request's traffic before a list's fields run, when the operation asks this field for counters. */
export async function loadCountersFor(ctx: Context, info: GraphQLResolveInfo): Promise<void> {
  if (info.fieldNodes.some((node) => selectsCounter(node.selectionSet, info, new Set()))) await ctx.traffic();
}

function selectsCounter(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, seen: Set<string>): boolean {
  return (set?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return COUNTERS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsCounter(selection.selectionSet, info, seen);
    const name = selection.name.value;
    if (seen.has(name)) return false;
    seen.add(name);
    return selectsCounter(info.fragments[name]?.selectionSet, info, seen);
  });
}
