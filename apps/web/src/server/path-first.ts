import type { Db } from "@patronus/core/db";
import { getPathMetricHistory, listPathHealth, type PathEnd } from "@patronus/core/path-metrics";
import { isInterfaceKind } from "@patronus/core/sites/interface-kinds";
import type { FirstPath } from "~/components/path-charts";
import { pathVariables, type PathRangeKey } from "~/components/path-ranges";

/**
 * A path page's first range, read with the page through the services the PathDetail query's resolvers
 * call, with the chart's own variables, in the query's shape: the chart draws it without asking
 * (docs/architecture.md, "Chart speed"). Undefined for an unknown path or a failed read: the chart then
 * asks the API and shows its answer (no such path, or the error).
 */
export function readFirstPath(
  db: Db,
  { pathId, range, now }: { pathId: number; range: PathRangeKey; now: number },
): FirstPath | undefined {
  const { from, to, max_buckets } = pathVariables(pathId, range, now);
  try {
    const path = listPathHealth(db, { pathId })[0];
    if (!path) return undefined;
    const source = endOf(path.source);
    const destination = endOf(path.destination);
    if (!source || !destination) return undefined;
    const history = getPathMetricHistory(db, { pathId, from, to, maxBuckets: max_buckets });
    return {
      now,
      data: {
        path_health_of: { path_id: path.path_id, status: path.status, source, destination, latest: path.latest },
        path_metric_history: history,
      },
    };
  } catch {
    return undefined;
  }
}

/** The fields PathDetail selects of a path's end; none when its kind is not one the API would serve. */
function endOf({ site_name, address, interface_kind }: PathEnd) {
  return isInterfaceKind(interface_kind) ? { site_name, address, interface_kind } : undefined;
}
