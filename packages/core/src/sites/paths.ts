import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { auditedChange, changedFields, SYSTEM_ACTOR } from "../audit";
import type { Db, Queryable } from "../db/client";
import { endpoints, paths, pathStatuses } from "../db/schema";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { domainEvents, type ChangeOptions } from "../events";
import { parseInput } from "../validation";
import { countPathCascade, removePaths, type PathCascade } from "./cascade";
import type { Path } from "./sites";

const pathInput = z.object({
  source_endpoint_id: z.number().int().positive(),
  destination_endpoint_id: z.number().int().positive(),
  status: z.enum(pathStatuses).default("up"),
  /** Also create the path back (destination to source), in the same transaction: both directions are separate paths. */
  create_reverse: z.boolean().default(false),
});

const pathId = z.number().int().positive();

export type PathInput = z.input<typeof pathInput>;

/** A created path, and its reverse when the call asked for one. */
export type CreatedPath = Path & { reverse: Path | null };

/** What deleting a path takes with it: its metrics, and the pins of policies pinned to it. */
export interface PathDependencies extends Pick<PathCascade, "path_metrics" | "pinned_policies"> {
  path_id: number;
}

export interface DeletePathResult extends PathDependencies {
  audit_id: number;
}

function existingPath(db: Queryable, id: unknown): Path {
  const parsed = parseInput(pathId, id, "path_id");
  const found = db.select().from(paths).where(eq(paths.id, parsed)).get();
  if (!found) throw new NotFoundError(`path ${parsed} does not exist`, "path_id");
  return found;
}

function assertPathFree(db: Queryable, source: number, destination: number, field: string): void {
  const existing = db
    .select({ id: paths.id })
    .from(paths)
    .where(and(eq(paths.source_endpoint_id, source), eq(paths.destination_endpoint_id, destination)))
    .get();
  if (existing) {
    throw new ConflictError(
      `path ${existing.id} already runs from endpoint ${source} to endpoint ${destination}`,
      field,
    );
  }
}

/**
 * A directional path from an endpoint of one site to an endpoint of another; one per ordered pair.
 * With `create_reverse`, the path back is created too, or neither is.
 */
export function createPath(
  db: Db,
  { actor = SYSTEM_ACTOR, ...input }: PathInput & { actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): CreatedPath {
  const at = now();
  const { result: created, auditId } = auditedChange(
    db,
    { actor, action: "path.create", target: `endpoint:${input.source_endpoint_id}`, at },
    (tx) => {
      const { create_reverse, ...data } = parseInput(pathInput, input);
      const site = (field: "source_endpoint_id" | "destination_endpoint_id") => {
        const found = tx
          .select({ site_id: endpoints.site_id })
          .from(endpoints)
          .where(eq(endpoints.id, data[field]))
          .get();
        if (!found) throw new ValidationError(`${field}: endpoint ${data[field]} does not exist`, field);
        return found.site_id;
      };
      if (site("source_endpoint_id") === site("destination_endpoint_id")) {
        throw new ValidationError(
          "destination_endpoint_id: a path joins endpoints of two different sites",
          "destination_endpoint_id",
        );
      }
      assertPathFree(tx, data.source_endpoint_id, data.destination_endpoint_id, "destination_endpoint_id");
      if (create_reverse) assertPathFree(tx, data.destination_endpoint_id, data.source_endpoint_id, "create_reverse");
      const insert = (source: number, destination: number) =>
        tx
          .insert(paths)
          .values({
            source_endpoint_id: source,
            destination_endpoint_id: destination,
            status: data.status,
            created_at: at,
            updated_at: at,
          })
          .returning()
          .get();
      const path = insert(data.source_endpoint_id, data.destination_endpoint_id);
      const reverse = create_reverse ? insert(data.destination_endpoint_id, data.source_endpoint_id) : null;
      return {
        result: { ...path, reverse },
        target: `path:${path.id}`,
        details: { after: data, reverse_path_id: reverse?.id ?? null },
      };
    },
  );
  for (const path of [created, created.reverse]) {
    if (path === null) continue;
    events.publish({
      type: "network_changed",
      entity: "path",
      id: path.id,
      change: "created",
      actor,
      audit_id: auditId,
      at,
      path_ids: [path.id],
    });
  }
  return created;
}

/** Sets a path's status (up, degraded, down). */
export function updatePathStatus(
  db: Db,
  {
    pathId: id,
    status,
    actor = SYSTEM_ACTOR,
  }: { pathId: number; status: (typeof pathStatuses)[number]; actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): Path {
  const at = now();
  const { result: path, auditId } = auditedChange(
    db,
    { actor, action: "path.update", target: `path:${id}`, at },
    (tx) => {
      const current = existingPath(tx, id);
      const data = parseInput(z.object({ status: z.enum(pathStatuses) }), { status });
      const row = tx
        .update(paths)
        .set({ status: data.status, updated_at: at })
        .where(eq(paths.id, current.id))
        .returning()
        .get();
      return { result: row, details: changedFields({ status: current.status }, data) };
    },
  );
  events.publish({
    type: "network_changed",
    entity: "path",
    id: path.id,
    change: "updated",
    actor,
    audit_id: auditId,
    at,
    path_ids: [path.id],
  });
  return path;
}

/** Counts what `deletePath` would remove, without removing anything. */
export function countPathDependencies(db: Db, { pathId: id }: { pathId: number }): PathDependencies {
  const path = existingPath(db, id);
  const { path_metrics, pinned_policies } = countPathCascade(db, eq(paths.id, path.id));
  return { path_id: path.id, path_metrics, pinned_policies };
}

/** Deletes one direction of a path with its metrics; policies pinned to it are unpinned. The reverse stays. */
export function deletePath(
  db: Db,
  { pathId: id, actor = SYSTEM_ACTOR }: { pathId: number; actor?: string },
  { events = domainEvents, now = Date.now }: ChangeOptions = {},
): DeletePathResult {
  const at = now();
  const { result, auditId } = auditedChange(db, { actor, action: "path.delete", target: `path:${id}`, at }, (tx) => {
    const path = existingPath(tx, id);
    const { path_metrics, pinned_policies } = removePaths(tx, eq(paths.id, path.id), at);
    const removed: PathDependencies = { path_id: path.id, path_metrics, pinned_policies };
    const { source_endpoint_id, destination_endpoint_id, status } = path;
    return {
      result: removed,
      details: {
        before: { source_endpoint_id, destination_endpoint_id, status },
        removed: { path_metrics, pinned_policies },
      },
    };
  });
  events.publish({
    type: "network_changed",
    entity: "path",
    id: result.path_id,
    change: "deleted",
    actor,
    audit_id: auditId,
    at,
    path_ids: [result.path_id],
  });
  return { ...result, audit_id: auditId };
}
