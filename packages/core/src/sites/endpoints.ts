import { eq, or } from "drizzle-orm";
import { z } from "zod";
import { auditedChange, changedFields, SYSTEM_ACTOR } from "../audit";
import type { Db, Queryable } from "../db/client";
import { endpoints, interfaceKinds, paths, sites } from "../db/schema";
import { NotFoundError } from "../errors";
import { domainEvents, type ChangeOptions } from "../events";
import { ipFamily } from "../net/ip";
import { defined, parseInput } from "../validation";
import { countPathCascade, removePaths, type PathCascade } from "./cascade";
import { siteIdInput, type Endpoint } from "./sites";

const endpointFields = z.object({
  address: z.string().refine((a) => ipFamily(a) !== 0, "must be an IPv4 or IPv6 address"),
  port: z.number().int().min(1, "must be 1-65535").max(65535, "must be 1-65535"),
  interface_kind: z.enum(interfaceKinds),
  cost_per_gb: z.number().min(0).default(0),
  reachable: z.boolean().default(true),
});

const endpointInput = endpointFields.extend({ site_id: siteIdInput });

const endpointId = z.number().int().positive();

export type EndpointInput = z.input<typeof endpointInput>;
export type EndpointPatch = Partial<z.input<typeof endpointFields>>;

/** What deleting an endpoint takes with it: every path from or to it, their metrics, and pins on them. */
export interface EndpointDependencies extends Omit<PathCascade, "path_ids"> {
  endpoint_id: number;
  site_id: string;
  address: string;
}

export interface DeleteEndpointResult extends EndpointDependencies {
  audit_id: number;
  path_ids: number[];
}

const touching = (id: number) => or(eq(paths.source_endpoint_id, id), eq(paths.destination_endpoint_id, id))!;

function existingEndpoint(db: Queryable, id: unknown): Endpoint {
  const parsed = parseInput(endpointId, id, "endpoint_id");
  const found = db.select().from(endpoints).where(eq(endpoints.id, parsed)).get();
  if (!found) throw new NotFoundError(`endpoint ${parsed} does not exist`, "endpoint_id");
  return found;
}

/** Adds a WAN attachment (an IP literal and port) to a site. */
export function addEndpoint(
  db: Db,
  { actor = SYSTEM_ACTOR, ...input }: EndpointInput & { actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Endpoint {
  const at = now();
  const { result: endpoint, auditId } = auditedChange(
    db,
    { actor, action: "endpoint.create", target: `site:${input.site_id}`, at },
    (tx) => {
      const data = parseInput(endpointInput, input);
      const site = tx.select({ id: sites.id }).from(sites).where(eq(sites.id, data.site_id)).get();
      if (!site) throw new NotFoundError(`site ${data.site_id} does not exist`, "site_id");
      const row = tx
        .insert(endpoints)
        .values({ ...data, created_at: at })
        .returning()
        .get();
      return { result: row, target: `endpoint:${row.id}`, details: { after: data } };
    },
  );
  events.publish({
    type: "network_changed",
    entity: "endpoint",
    id: endpoint.id,
    change: "created",
    actor,
    audit_id: auditId,
    at,
    path_ids: [],
  });
  return endpoint;
}

/** Changes an endpoint's address, port, kind, cost or reachability; it stays on its site. */
export function updateEndpoint(
  db: Db,
  { endpointId: id, actor = SYSTEM_ACTOR, ...patch }: { endpointId: number; actor?: string } & EndpointPatch,
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Endpoint {
  const at = now();
  const { result, auditId } = auditedChange(
    db,
    { actor, action: "endpoint.update", target: `endpoint:${id}`, at },
    (tx) => {
      const current = existingEndpoint(tx, id);
      const { address, port, interface_kind, cost_per_gb, reachable } = current;
      const before = { address, port, interface_kind, cost_per_gb, reachable };
      const data = parseInput(endpointFields, { ...before, ...defined(patch) });
      const row = tx.update(endpoints).set(data).where(eq(endpoints.id, current.id)).returning().get();
      const path_ids = countPathCascade(tx, touching(current.id)).path_ids;
      return { result: { endpoint: row, path_ids }, details: changedFields(before, data) };
    },
  );
  events.publish({
    type: "network_changed",
    entity: "endpoint",
    id: result.endpoint.id,
    change: "updated",
    actor,
    audit_id: auditId,
    at,
    path_ids: result.path_ids,
  });
  return result.endpoint;
}

/** Counts what `deleteEndpoint` would remove, without removing anything. */
export function countEndpointDependencies(db: Db, { endpointId: id }: { endpointId: number }): EndpointDependencies {
  const endpoint = existingEndpoint(db, id);
  const { path_ids: _ids, ...cascade } = countPathCascade(db, touching(endpoint.id));
  return { endpoint_id: endpoint.id, site_id: endpoint.site_id, address: endpoint.address, ...cascade };
}

/**
 * Deletes an endpoint like a site deletion does a site: every path from or to it with their metrics, then
 * the endpoint; policies pinned to a removed path are unpinned, not deleted. One transaction, audited.
 */
export function deleteEndpoint(
  db: Db,
  { endpointId: id, actor = SYSTEM_ACTOR }: { endpointId: number; actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): DeleteEndpointResult {
  const at = now();
  const { result, auditId } = auditedChange(
    db,
    { actor, action: "endpoint.delete", target: `endpoint:${id}`, at },
    (tx) => {
      const endpoint = existingEndpoint(tx, id);
      const cascade = removePaths(tx, touching(endpoint.id), at);
      tx.delete(endpoints).where(eq(endpoints.id, endpoint.id)).run();
      const { id: _id, created_at: _c, ...fields } = endpoint;
      const removed: Omit<DeleteEndpointResult, "audit_id"> = {
        endpoint_id: endpoint.id,
        site_id: endpoint.site_id,
        address: endpoint.address,
        ...cascade,
      };
      const { path_ids: _ids, ...counts } = removed;
      return { result: removed, details: { before: fields, removed: counts } };
    },
  );
  events.publish({
    type: "network_changed",
    entity: "endpoint",
    id: result.endpoint_id,
    change: "deleted",
    actor,
    audit_id: auditId,
    at,
    path_ids: result.path_ids,
  });
  return { ...result, audit_id: auditId };
}
