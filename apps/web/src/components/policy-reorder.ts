/** `items` with the one at `index` swapped with its neighbour `delta` (-1 up, +1 down) away; unchanged at an end. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const moved = [...items];
  if (to < 0 || to >= items.length) return moved;
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return moved;
}

interface Ranked {
  id: string;
  priority: number;
}

/** Whether the matcher tries `a` before `b`: higher priority first, ties by id (listPolicies' order). */
const triedBefore = (a: Ranked, b: Ranked) =>
  a.priority > b.priority || (a.priority === b.priority && Number(a.id) < Number(b.id));

/** From the bottom up: each policy keeps its priority if it still comes before the one below, else goes just above it. */
function raising(order: readonly string[], current: Map<string, number>): number[] {
  const wanted: number[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const own = { id: order[i]!, priority: current.get(order[i]!)! };
    const below = i + 1 < order.length ? { id: order[i + 1]!, priority: wanted[i + 1]! } : undefined;
    wanted[i] = below === undefined || triedBefore(own, below) ? own.priority : below.priority + 1;
  }
  return wanted;
}

/** From the top down: each policy keeps its priority if it still comes after the one above, else goes just below it. */
function lowering(order: readonly string[], current: Map<string, number>): number[] {
  const wanted: number[] = [];
  order.forEach((id, i) => {
    const own = { id, priority: current.get(id)! };
    const above = i > 0 ? { id: order[i - 1]!, priority: wanted[i - 1]! } : undefined;
    wanted[i] = above === undefined || triedBefore(above, own) ? own.priority : above.priority - 1;
  });
  return wanted;
}

/** The existing priorities handed out again in the new order, raised where two would tie: the fallback. */
function reassigning(order: readonly string[], current: Map<string, number>): number[] {
  const slots = [...current.values()].sort((a, b) => b - a);
  const wanted: number[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const below = wanted[i + 1];
    wanted[i] = below === undefined ? slots[i]! : Math.max(slots[i]!, below + 1);
  }
  return wanted;
}

/** The API's range of priorities (core/policies/draft.ts). */
const inRange = (wanted: number[]) => wanted.every((p) => p >= 0 && p <= 1000);

/**
 * The priorities that put `policies` in `order` (highest first), changing as few as it can: a policy moved
 * up goes just above its new neighbour, one moved down just below, and every other keeps its own, so an
 * audit row and the collector see only what the admin moved. Only the policies whose priority changes,
 * as setPolicyPriorities takes them.
 */
export function reorderPriorities(
  policies: readonly Ranked[],
  order: readonly string[],
): { policy_id: string; priority: number }[] {
  const current = new Map(policies.map((p) => [p.id, p.priority]));
  const changes = (wanted: number[]) =>
    order.flatMap((id, i) => (current.get(id) === wanted[i] ? [] : [{ policy_id: id, priority: wanted[i]! }]));
  const [best] = [raising(order, current), lowering(order, current)]
    .filter(inRange)
    .map(changes)
    .sort((a, b) => a.length - b.length);
  return best ?? changes(reassigning(order, current));
}
