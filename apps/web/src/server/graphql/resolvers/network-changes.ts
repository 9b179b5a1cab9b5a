import {
  addEndpoint,
  countEndpointDependencies,
  countPathDependencies,
  createPath,
  createSite,
  deleteEndpoint,
  deletePath,
  listEndpoints,
  listPaths,
  updateEndpoint,
  updatePathStatus,
  updateSite,
  type EndpointInput,
  type EndpointPatch,
  type Path,
  type PathDetail,
  type Site,
} from "@patronus/core/sites";
import type { Context } from "../context";
import { given, rowId } from "./input-ids";

type SiteFields = { name?: string | null; location?: string | null; status?: Site["status"] | null };
type EndpointFields = { [K in keyof EndpointPatch]?: EndpointPatch[K] | null };
type PathStatus = Path["status"];

/** The stored path with the sites at both ends, as the Path type shows it. */
function detail(ctx: Context, path: Path): PathDetail {
  return listPaths(ctx.db).find((p) => p.id === path.id)!;
}

// Each mutation is one core service, which validates, audits under the viewer and announces the change.
export const networkChangesResolvers = {
  Query: {
    endpoint_dependencies: (_: unknown, { endpoint_id }: { endpoint_id: string }, ctx: Context) =>
      countEndpointDependencies(ctx.db, { endpointId: rowId(endpoint_id, "endpoint_id") }),
    path_dependencies: (_: unknown, { path_id }: { path_id: string }, ctx: Context) =>
      countPathDependencies(ctx.db, { pathId: rowId(path_id, "path_id") }),
  },
  Mutation: {
    createSite: (_: unknown, { input }: { input: SiteFields & { name: string } }, ctx: Context) =>
      createSite(ctx.db, { ...given(input), name: input.name, actor: ctx.viewer!.email }),
    updateSite: (_: unknown, { site_id, input }: { site_id: string; input: SiteFields }, ctx: Context) =>
      updateSite(ctx.db, { ...given(input), siteId: site_id, actor: ctx.viewer!.email }),
    createEndpoint: (
      _: unknown,
      { input }: { input: EndpointFields & Pick<EndpointInput, "site_id" | "address" | "port" | "interface_kind"> },
      ctx: Context,
    ) => addEndpoint(ctx.db, { ...given(input), ...requiredEndpoint(input), actor: ctx.viewer!.email }),
    updateEndpoint: (
      _: unknown,
      { endpoint_id, input }: { endpoint_id: string; input: EndpointFields },
      ctx: Context,
    ) =>
      updateEndpoint(ctx.db, {
        ...given(input),
        endpointId: rowId(endpoint_id, "endpoint_id"),
        actor: ctx.viewer!.email,
      }),
    deleteEndpoint: (_: unknown, { endpoint_id }: { endpoint_id: string }, ctx: Context) => {
      const removed = deleteEndpoint(ctx.db, {
        endpointId: rowId(endpoint_id, "endpoint_id"),
        actor: ctx.viewer!.email,
      });
      return {
        endpoint_id: removed.endpoint_id,
        site_id: removed.site_id,
        address: removed.address,
        paths_deleted: removed.paths,
        path_metrics_deleted: removed.path_metrics,
        unpinned_policies: removed.pinned_policies,
        audit_id: removed.audit_id,
      };
    },
    createPath: (
      _: unknown,
      {
        input,
      }: {
        input: {
          source_endpoint_id: string;
          destination_endpoint_id: string;
          status?: PathStatus | null;
          create_reverse?: boolean | null;
        };
      },
      ctx: Context,
    ) => {
      const created = createPath(ctx.db, {
        source_endpoint_id: rowId(input.source_endpoint_id, "source_endpoint_id"),
        destination_endpoint_id: rowId(input.destination_endpoint_id, "destination_endpoint_id"),
        status: input.status ?? undefined,
        create_reverse: input.create_reverse ?? undefined,
        actor: ctx.viewer!.email,
      });
      return { path: detail(ctx, created), reverse: created.reverse && detail(ctx, created.reverse) };
    },
    updatePathStatus: (_: unknown, { path_id, status }: { path_id: string; status: PathStatus }, ctx: Context) =>
      detail(ctx, updatePathStatus(ctx.db, { pathId: rowId(path_id, "path_id"), status, actor: ctx.viewer!.email })),
    deletePath: (_: unknown, { path_id }: { path_id: string }, ctx: Context) => {
      const removed = deletePath(ctx.db, { pathId: rowId(path_id, "path_id"), actor: ctx.viewer!.email });
      return {
        path_id: removed.path_id,
        path_metrics_deleted: removed.path_metrics,
        unpinned_policies: removed.pinned_policies,
        audit_id: removed.audit_id,
      };
    },
  },
  Site: {
    endpoints: (site: Site, _: unknown, ctx: Context) => listEndpoints(ctx.db, { siteId: site.id }),
  },
};

function requiredEndpoint(input: Pick<EndpointInput, "site_id" | "address" | "port" | "interface_kind">) {
  const { site_id, address, port, interface_kind } = input;
  return { site_id, address, port, interface_kind };
}
