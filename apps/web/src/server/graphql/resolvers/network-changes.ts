import {
  addEndpoint,
  countEndpointDependencies,
  countPathDependencies,
  createPath,
  createSite,
  deleteEndpoint,
  deletePath,
  getSite,
  listEndpoints,
  listPaths,
  updateEndpoint,
  updatePathStatus,
  updateSite,
  type EndpointInput,
  type Path,
  type PathDetail,
  type Site,
  type SiteSummary,
} from "@patronus/core/sites";
import type { AuthedContext } from "../context";
import type { Resolvers } from "../generated/resolvers";
import { given, rowId } from "./input-ids";

/** The stored path with the sites at both ends, as the Path type shows it. */
function detail(ctx: AuthedContext, path: Path): PathDetail {
  return listPaths(ctx.db).find((p) => p.id === path.id)!;
}

/** The site with its endpoint count, as the Site type shows it. */
function summary(ctx: AuthedContext, site: Site): SiteSummary {
  return getSite(ctx.db, { siteId: site.id })!;
}

/** GraphQL takes the kind as a String ("5g" is no GraphQL name); core's zod enum refuses a wrong one, naming it. */
const interfaceKind = (kind: string) => kind as EndpointInput["interface_kind"];

// Each mutation is one core service, which validates, audits under the viewer and announces the change.
export const networkChangesResolvers: Resolvers = {
  Query: {
    endpoint_dependencies: (_, { endpoint_id }, ctx) =>
      countEndpointDependencies(ctx.db, { endpointId: rowId(endpoint_id, "endpoint_id") }),
    path_dependencies: (_, { path_id }, ctx) => countPathDependencies(ctx.db, { pathId: rowId(path_id, "path_id") }),
  },
  Mutation: {
    createSite: (_, { input }, ctx) =>
      summary(ctx, createSite(ctx.db, { ...given(input), name: input.name, actor: ctx.viewer.email })),
    updateSite: (_, { site_id, input }, ctx) =>
      summary(ctx, updateSite(ctx.db, { ...given(input), siteId: site_id, actor: ctx.viewer.email })),
    createEndpoint: (_, { input }, ctx) =>
      addEndpoint(ctx.db, {
        ...given(input),
        site_id: input.site_id,
        address: input.address,
        port: input.port,
        interface_kind: interfaceKind(input.interface_kind),
        actor: ctx.viewer.email,
      }),
    updateEndpoint: (_, { endpoint_id, input }, ctx) => {
      const { interface_kind, ...rest } = given(input);
      return updateEndpoint(ctx.db, {
        ...rest,
        ...(interface_kind === undefined ? {} : { interface_kind: interfaceKind(interface_kind) }),
        endpointId: rowId(endpoint_id, "endpoint_id"),
        actor: ctx.viewer.email,
      });
    },
    deleteEndpoint: (_, { endpoint_id }, ctx) => {
      const removed = deleteEndpoint(ctx.db, {
        endpointId: rowId(endpoint_id, "endpoint_id"),
        actor: ctx.viewer.email,
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
    createPath: (_, { input }, ctx) => {
      const created = createPath(ctx.db, {
        source_endpoint_id: rowId(input.source_endpoint_id, "source_endpoint_id"),
        destination_endpoint_id: rowId(input.destination_endpoint_id, "destination_endpoint_id"),
        status: input.status ?? undefined,
        create_reverse: input.create_reverse ?? undefined,
        actor: ctx.viewer.email,
      });
      return { path: detail(ctx, created), reverse: created.reverse && detail(ctx, created.reverse) };
    },
    updatePathStatus: (_, { path_id, status }, ctx) =>
      detail(ctx, updatePathStatus(ctx.db, { pathId: rowId(path_id, "path_id"), status, actor: ctx.viewer.email })),
    deletePath: (_, { path_id }, ctx) => {
      const removed = deletePath(ctx.db, { pathId: rowId(path_id, "path_id"), actor: ctx.viewer.email });
      return {
        path_id: removed.path_id,
        path_metrics_deleted: removed.path_metrics,
        unpinned_policies: removed.pinned_policies,
        audit_id: removed.audit_id,
      };
    },
  },
  Site: {
    endpoints: (site, _, ctx) => listEndpoints(ctx.db, { siteId: site.id }),
  },
};
