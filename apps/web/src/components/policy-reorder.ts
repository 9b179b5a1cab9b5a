/** `items` with the one at `index` swapped with its neighbour `delta` (-1 up, +1 down) away; unchanged at an end. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const moved = [...items];
  if (to < 0 || to >= items.length) return moved;
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return moved;
}

/**
 * The priorities that put `policies` (highest priority first) in `order`: the same values handed out
 * again, highest first, raised where two would tie (a tie leaves the matcher to break it by id, which is
 * not the order the admin chose). Only the policies whose priority changes, as setPolicyPriorities takes them.
 */
export function reorderPriorities(
  policies: readonly { id: string; priority: number }[],
  order: readonly string[],
): { policy_id: string; priority: number }[] {
  const slots = policies.map((p) => p.priority).sort((a, b) => b - a);
  const wanted: number[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const below = wanted[i + 1];
    wanted[i] = below === undefined ? slots[i]! : Math.max(slots[i]!, below + 1);
  }
  const current = new Map(policies.map((p) => [p.id, p.priority]));
  return order.flatMap((id, i) => (current.get(id) === wanted[i] ? [] : [{ policy_id: id, priority: wanted[i]! }]));
}
