import { randomBytes } from "node:crypto";
import { and, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import { userRoles, users } from "../db/schema";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "../errors";
import { hashPassword } from "./password";
import { parseInput } from "../validation";
import { createUser, findUserById, normalizeEmail, passwordInput, type User, type UserRole } from "./users";

/*
 * What an admin does to accounts. Each function takes the acting admin's email and writes one audit row
 * in the same transaction as the change, or a `failed` row when it refuses. The last admin can neither
 * be demoted nor deleted, so the dashboard never locks itself out of its own administration.
 */

/** Creates an account; without a password, one is generated and returned (the only time it is shown). */
export function addUser(
  db: Db,
  { email, name, role, password, actor }: { email: string; name?: string; role: UserRole; password?: string; actor: string },
): { user: User; generatedPassword?: string } {
  return audited(db, { actor, action: "user.create", target: `user:${normalizeEmail(email)}` }, () => {
    const generatedPassword = password === undefined ? newPassword() : undefined;
    const user = createUser(db, { email, name, role, password: password ?? generatedPassword! });
    return { result: { user, generatedPassword }, details: { role: user.role } };
  });
}

export function setUserRole(db: Db, { userId, role, actor }: { userId: number; role: UserRole; actor: string }): User {
  return audited(db, { actor, action: "user.set_role", target: `user:${userId}` }, () => {
    if (!userRoles.includes(role)) throw new ValidationError(`role: must be one of ${userRoles.join(", ")}`, "role");
    const user = existing(db, userId);
    if (user.role === "admin" && role !== "admin") keepAnAdmin(db, userId, `${user.email} is the last admin and cannot be demoted`);
    db.update(users).set({ role }).where(eq(users.id, userId)).run();
    return { result: { ...user, role }, details: { email: user.email, from: user.role, to: role } };
  });
}

/** Sets a new password (generated when none is given, and returned once); the user's sessions stay. */
export function resetPassword(
  db: Db,
  { userId, password, actor }: { userId: number; password?: string; actor: string },
): { user: User; generatedPassword?: string } {
  return audited(db, { actor, action: "user.reset_password", target: `user:${userId}` }, () => {
    const user = existing(db, userId);
    if (password !== undefined) parseInput(z.object({ password: passwordInput }), { password });
    const generatedPassword = password === undefined ? newPassword() : undefined;
    db.update(users)
      .set({ password_hash: hashPassword(password ?? generatedPassword!) })
      .where(eq(users.id, userId))
      .run();
    return { result: { user, generatedPassword }, details: { email: user.email, generated: generatedPassword !== undefined } };
  });
}

/** Deletes an account and its API tokens; its session ends on its next request. */
export function deleteUser(db: Db, { userId, actor }: { userId: number; actor: string }): User {
  return audited(db, { actor, action: "user.delete", target: `user:${userId}` }, () => {
    const user = existing(db, userId);
    if (user.email === actor) throw new ConflictError("you cannot delete your own account");
    if (user.role === "admin") keepAnAdmin(db, userId, `${user.email} is the last admin and cannot be deleted`);
    db.delete(users).where(eq(users.id, userId)).run();
    return { result: user, details: { email: user.email, role: user.role } };
  });
}

/** 16 random bytes, base64url: 22 characters, past the 12-character minimum with room to spare. */
const newPassword = () => randomBytes(16).toString("base64url");

function existing(db: Db, userId: number): User {
  const user = Number.isInteger(userId) ? findUserById(db, userId) : undefined;
  if (!user) throw new NotFoundError(`user ${userId} does not exist`);
  return user;
}

function keepAnAdmin(db: Db, userId: number, refusal: string): void {
  const others = db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), ne(users.id, userId)))
    .get();
  if ((others?.n ?? 0) === 0) throw new ConflictError(refusal);
}

/**
 * Runs `change` in a transaction that also writes its audit row; a refusal (a DomainError) is audited as
 * failed after the rollback, with its reason, and rethrown.
 */
function audited<T>(
  db: Db,
  entry: { actor: string; action: string; target: string },
  change: () => { result: T; details: Record<string, unknown> },
): T {
  try {
    return db.transaction(() => {
      const { result, details } = change();
      writeAudit(db, { ...entry, outcome: "success", details });
      return result;
    });
  } catch (error) {
    if (error instanceof DomainError) writeAudit(db, { ...entry, outcome: "failed", details: { reason: error.message } });
    throw error;
  }
}
