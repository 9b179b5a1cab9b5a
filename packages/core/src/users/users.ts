import { randomBytes } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "../db/client";
import { userRoles, users } from "../db/schema";
import { ConflictError } from "../errors";
import { parseInput } from "../validation";
import { hashPassword, hashPasswordSync, verifyPassword } from "./password";

import type { UserRole } from "./roles";
import { perConnection } from "../db/per-connection";

export type { UserRole };

export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  created_at: number;
}

/** A user as a session cookie records them: with the session version it was signed under. */
export interface SessionUser extends User {
  session_version: number;
}

/** Longer is refused before any hashing: more length buys no strength, only work for the server. */
export const MAX_PASSWORD_LENGTH = 1_024;

/** Emails are compared without case or surrounding space. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The rule every password meets, at creation and at reset. */
export const passwordInput = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

const userInput = z.object({
  email: z.email("must be an email address").transform((e) => e.toLowerCase()),
  name: z.string().max(100).default(""),
  password: passwordInput,
  role: z.enum(userRoles).default("viewer"),
});

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  created_at: users.created_at,
};

/**
 * Creates an account, hashing on this thread: for the setup command and test fixtures only. A request
 * path uses addUser, which hashes off the event loop.
 */
export function createUser(db: Db, input: z.input<typeof userInput>, now = Date.now()): User {
  const { password, ...data } = parseInput(userInput, input);
  if (findUserByEmail(db, data.email)) throw new ConflictError(`a user with email ${data.email} already exists`);
  return insertUser(db, { ...data, password_hash: hashPasswordSync(password) }, now);
}

/** Validates a new account's fields (the password's rule included) without hashing anything. */
export const parseNewUser = (input: z.input<typeof userInput>) => parseInput(userInput, input);

export function insertUser(
  db: Queryable,
  data: Omit<ReturnType<typeof parseNewUser>, "password"> & { password_hash: string },
  now = Date.now(),
): User {
  return db
    .insert(users)
    .values({ ...data, created_at: now })
    .returning(publicColumns)
    .get();
}

export function listUsers(db: Db): User[] {
  return db.select(publicColumns).from(users).orderBy(asc(users.email)).all();
}

export function findUserByEmail(db: Queryable, email: string): User | undefined {
  return db.select(publicColumns).from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function findUserById(db: Queryable, id: number): User | undefined {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

/**
 * The user a session cookie names, or undefined when the account is gone or its session version moved
 * on (a password reset or role change since the cookie was signed), which ends that session at once.
 */
export function findSessionUser(
  db: Db,
  { id, sessionVersion }: { id: number; sessionVersion: number },
): User | undefined {
  return sessionUserLookupOf(db).get({ id, sessionVersion });
}

/** Read on every signed-in request (the API's too): prepared once per connection, as the token lookup is. */
const sessionUserLookupOf = perConnection(prepareSessionUserLookup);

function prepareSessionUserLookup(db: Db) {
  return db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, sql.placeholder("id")), eq(users.session_version, sql.placeholder("sessionVersion"))))
    .prepare();
}

let unknownUserHash: Promise<string> | undefined;

/**
 * The user whose email and password match, with their session version, or undefined; the same answer
 * for an unknown email and a wrong password. Hashes off the event loop.
 */
export async function verifyCredentials(
  db: Db,
  { email, password }: { email: string; password: string },
): Promise<SessionUser | undefined> {
  const row = db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .get();
  // An unknown email costs the same scrypt work as a wrong password, so timing does not tell which it was.
  if (!row) {
    unknownUserHash ??= hashPassword(randomBytes(16).toString("base64")).catch((error: unknown) => {
      unknownUserHash = undefined;
      throw error;
    });
    await verifyPassword(password, await unknownUserHash);
    return undefined;
  }
  if (!(await verifyPassword(password, row.password_hash))) return undefined;
  const { password_hash: _hash, ...user } = row;
  return user;
}

/**
 * Makes sure an admin with this email exists. With no password given, one is generated and returned
 * so the caller can print it once; an existing user is left untouched (its password is never reset).
 */
export function ensureAdmin(
  db: Db,
  { email, password }: { email: string; password?: string },
): { user: User; created: boolean; generatedPassword?: string } {
  const existing = findUserByEmail(db, email);
  if (existing) return { user: existing, created: false };
  const generatedPassword = password ? undefined : randomBytes(12).toString("base64url");
  const user = createUser(db, {
    email,
    name: "Administrator",
    role: "admin",
    password: password ?? generatedPassword!,
  });
  return { user, created: true, generatedPassword };
}
