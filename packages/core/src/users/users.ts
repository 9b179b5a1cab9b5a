import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client";
import { userRoles, users } from "../db/schema";
import { ConflictError } from "../errors";
import { parseInput } from "../validation";
import { hashPassword, verifyPassword } from "./password";

export type UserRole = (typeof userRoles)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  created_at: number;
}

/** Emails are compared without case or surrounding space. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** The rule every password meets, at creation and at reset. */
export const passwordInput = z.string().min(12, "must be at least 12 characters");

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

export function createUser(db: Db, input: z.input<typeof userInput>, now = Date.now()): User {
  const { password, ...data } = parseInput(userInput, input);
  if (findUserByEmail(db, data.email)) throw new ConflictError(`a user with email ${data.email} already exists`);
  return db
    .insert(users)
    .values({ ...data, password_hash: hashPassword(password), created_at: now })
    .returning(publicColumns)
    .get();
}

export function listUsers(db: Db): User[] {
  return db.select(publicColumns).from(users).orderBy(asc(users.email)).all();
}

export function findUserByEmail(db: Db, email: string): User | undefined {
  return db.select(publicColumns).from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function findUserById(db: Db, id: number): User | undefined {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get();
}

let unknownUserHash: string | undefined;

/** The user whose email and password match, or undefined; same answer for unknown email and wrong password. */
export function verifyCredentials(db: Db, { email, password }: { email: string; password: string }): User | undefined {
  const row = db.select().from(users).where(eq(users.email, normalizeEmail(email))).get();
  // An unknown email costs the same scrypt work as a wrong password, so timing does not tell which it was.
  if (!row) {
    verifyPassword(password, (unknownUserHash ??= hashPassword(randomBytes(16).toString("base64"))));
    return undefined;
  }
  if (!verifyPassword(password, row.password_hash)) return undefined;
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
  const user = createUser(db, { email, name: "Administrator", role: "admin", password: password ?? generatedPassword! });
  return { user, created: true, generatedPassword };
}
