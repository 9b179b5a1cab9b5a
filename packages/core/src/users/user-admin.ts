import { randomBytes } from "node:crypto";
import { and, count, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "../audit";
import type { Db, Queryable } from "../db/client";
import { userRoles, users } from "../db/schema";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "../errors";
import { parseInput } from "../validation";
import { hashPassword } from "./password";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  normalizeEmail,
  parseNewUser,
  passwordInput,
  type User,
  type UserRole,
} from "./users";

/*
 * What an admin does to accounts. Each function takes the acting admin's email and writes one audit row
 * in the same transaction as the change, or a `failed` row when it fails, whatever the reason. A new
 * password is hashed before the transaction begins: the write lock is held for milliseconds, never for a
 * hash, so the collector's snapshots never meet a busy database. The last admin can neither be demoted
 * nor deleted, so the dashboard never locks itself out of its own administration.
 */

/** Creates an account; without a password, one is generated and returned (the only time it is shown). */
export async function addUser(
  db: Db,
  {
    email,
    name,
    role,
    password,
    actor,
  }: { email: string; name?: string; role: UserRole; password?: string; actor: string },
): Promise<{ user: User; generatedPassword?: string }> {
  const entry = { actor, action: "user.create", target: `user:${normalizeEmail(email)}` };
  const generatedPassword = password === undefined ? newPassword() : undefined;
  const hashed = await auditFailure(db, entry, async () => {
    const { password: plain, ...data } = parseNewUser({ email, name, role, password: password ?? generatedPassword! });
    return { ...data, password_hash: await hashPassword(plain) };
  });
  return audited(db, entry, (tx) => {
    if (findUserByEmail(tx, hashed.email)) throw new ConflictError(`a user with email ${hashed.email} already exists`);
    const user = insertUser(tx, hashed);
    return { result: { user, generatedPassword }, details: { role: user.role } };
  });
}

/** Changes a role; the user's open sessions end (they sign in again under the new role). */
export async function setUserRole(
  db: Db,
  { userId, role, actor }: { userId: number; role: UserRole; actor: string },
): Promise<User> {
  return audited(db, { actor, action: "user.set_role", target: `user:${userId}` }, (tx) => {
    if (!userRoles.includes(role)) throw new ValidationError(`role: must be one of ${userRoles.join(", ")}`, "role");
    const user = existing(tx, userId);
    if (user.role === "admin" && role !== "admin")
      keepAnAdmin(tx, userId, `${user.email} is the last admin and cannot be demoted`);
    tx.update(users)
      .set({ role, session_version: sql`${users.session_version} + 1` })
      .where(eq(users.id, userId))
      .run();
    return { result: { ...user, role }, details: { email: user.email, from: user.role, to: role } };
  });
}

/** Sets a new password (generated when none is given, and returned once); the user's open sessions end. */
export async function resetPassword(
  db: Db,
  { userId, password, actor }: { userId: number; password?: string; actor: string },
): Promise<{ user: User; generatedPassword?: string }> {
  const entry = { actor, action: "user.reset_password", target: `user:${userId}` };
  const generatedPassword = password === undefined ? newPassword() : undefined;
  const passwordHash = await auditFailure(db, entry, async () => {
    existing(db, userId);
    if (password !== undefined) parseInput(z.object({ password: passwordInput }), { password });
    return hashPassword(password ?? generatedPassword!);
  });
  return audited(db, entry, (tx) => {
    const user = existing(tx, userId);
    tx.update(users)
      .set({ password_hash: passwordHash, session_version: sql`${users.session_version} + 1` })
      .where(eq(users.id, userId))
      .run();
    return {
      result: { user, generatedPassword },
      details: { email: user.email, generated: generatedPassword !== undefined },
    };
  });
}

/** Deletes an account and its API tokens; its sessions and event streams end. */
export async function deleteUser(db: Db, { userId, actor }: { userId: number; actor: string }): Promise<User> {
  return audited(db, { actor, action: "user.delete", target: `user:${userId}` }, (tx) => {
    const user = existing(tx, userId);
    if (user.email === actor) throw new ConflictError("you cannot delete your own account");
    if (user.role === "admin") keepAnAdmin(tx, userId, `${user.email} is the last admin and cannot be deleted`);
    tx.delete(users).where(eq(users.id, userId)).run();
    return { result: user, details: { email: user.email, role: user.role } };
  });
}

/** 16 random bytes, base64url: 22 characters, past the 12-character minimum with room to spare. */
const newPassword = () => randomBytes(16).toString("base64url");

function existing(db: Queryable, userId: number): User {
  const user = Number.isInteger(userId) ? findUserById(db, userId) : undefined;
  if (!user) throw new NotFoundError(`user ${userId} does not exist`);
  return user;
}

function keepAnAdmin(db: Queryable, userId: number, refusal: string): void {
  const others = db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), ne(users.id, userId)))
    .get();
  if ((others?.n ?? 0) === 0) throw new ConflictError(refusal);
}

type AuditEntry = { actor: string; action: string; target: string };

/** A refusal's own message; anything else (a busy database, a full disk) by its kind, without internals. */
const reasonOf = (error: unknown) =>
  error instanceof DomainError
    ? error.message
    : `internal error (${error instanceof Error ? error.name : typeof error})`;

/** Audits any failure of `work` as failed, with its reason, and rethrows it. */
async function auditFailure<T>(db: Db, entry: AuditEntry, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    writeAudit(db, { ...entry, outcome: "failed", details: { reason: reasonOf(error) } });
    throw error;
  }
}

/**
 * Runs `change` in a short BEGIN IMMEDIATE transaction that also writes its audit row (IMMEDIATE takes
 * the write lock up front, so it waits out another writer through busy_timeout instead of failing on
 * the upgrade from a read). Any failure is audited after the rollback and rethrown.
 */
function audited<T>(
  db: Db,
  entry: AuditEntry,
  change: (tx: Queryable) => { result: T; details: Record<string, unknown> },
): Promise<T> {
  return auditFailure(db, entry, async () =>
    db.transaction(
      (tx) => {
        const { result, details } = change(tx);
        writeAudit(tx, { ...entry, outcome: "success", details });
        return result;
      },
      { behavior: "immediate" },
    ),
  );
}
