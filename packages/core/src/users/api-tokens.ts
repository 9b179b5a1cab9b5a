import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import { apiTokens, users } from "../db/schema";
import { NotFoundError } from "../errors";
import { parseInput } from "../validation";
import { API_TOKEN_SCOPES, type ApiTokenScope } from "./roles";
import type { User } from "./users";
import { perConnection } from "../db/per-connection";

/** What a token looks like to its owner after creation: never the token itself. */
export interface ApiToken {
  id: number;
  user_id: number;
  name: string;
  scope: ApiTokenScope;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
}

// The prefix lets secret scanners and people recognise a leaked token; 32 random bytes cannot be guessed,
// which is why a fast unsalted sha256 is enough to store it (unlike a password).
const PREFIX = "ptk_";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const tokenInput = z.object({
  /** Who creates it, for the audit row. */
  actor: z.string().min(1),
  userId: z.number().int().positive(),
  name: z.string().trim().min(1, "must not be empty").max(100),
  expiresAt: z.number().int().positive().nullish(),
  scope: z.enum(API_TOKEN_SCOPES, `must be one of ${API_TOKEN_SCOPES.join(", ")}`).default("full"),
});

const publicColumns = {
  id: apiTokens.id,
  user_id: apiTokens.user_id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  created_at: apiTokens.created_at,
  last_used_at: apiTokens.last_used_at,
  expires_at: apiTokens.expires_at,
};

/**
 * Creates a token for a user, with its audit row in the same transaction; the returned `token` is the
 * only time it exists outside its hash.
 */
export function createApiToken(
  db: Db,
  input: z.input<typeof tokenInput>,
  now = Date.now(),
): ApiToken & { token: string } {
  const { actor, userId, name, expiresAt, scope } = parseInput(tokenInput, input);
  const token = PREFIX + randomBytes(32).toString("base64url");
  const row = db.transaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get())
      throw new NotFoundError(`no user has id ${userId}`);
    const created = tx
      .insert(apiTokens)
      .values({
        user_id: userId,
        name,
        scope,
        token_hash: hashToken(token),
        created_at: now,
        expires_at: expiresAt ?? null,
      })
      .returning(publicColumns)
      .get();
    writeAudit(tx, {
      actor,
      action: "api_token.create",
      target: `user:${userId}`,
      outcome: "success",
      details: { token_id: created.id, name, scope, expires_at: created.expires_at },
      at: now,
    });
    return created;
  });
  return { ...row, token };
}

/**
 * How stale a token's last_used_at may grow: a script polling every second would otherwise write a row
 * on every request, and the owner only needs to know roughly when it was last used (docs/api.md).
 */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The user a token belongs to and what the token may do, or null for an unknown, malformed or expired
 * one (the same answer for all three). A good token's last_used_at is set to `now` when it is unset or
 * at least LAST_USED_PRECISION_MS old.
 */
export function verifyApiToken(db: Db, token: string, now = Date.now()): { user: User; scope: ApiTokenScope } | null {
  const found = findTokenUser(db, token, now);
  if (!found) return null;
  if (found.lastUsedAt === null || now - found.lastUsedAt >= LAST_USED_PRECISION_MS)
    db.update(apiTokens).set({ last_used_at: now }).where(eq(apiTokens.id, found.tokenId)).run();
  return { user: found.user, scope: found.scope };
}

/** Whether a token still stands (not revoked, expired, nor its user deleted), without recording a use. */
export function apiTokenIsValid(db: Db, token: string, now = Date.now()): boolean {
  return findTokenUser(db, token, now) !== null;
}

function findTokenUser(
  db: Db,
  token: string,
  now: number,
): { tokenId: number; scope: ApiTokenScope; lastUsedAt: number | null; user: User } | null {
  if (!token.startsWith(PREFIX)) return null;
  const row = tokenLookupOf(db).get({ hash: hashToken(token) });
  if (!row || (row.expires_at !== null && row.expires_at <= now)) return null;
  const { tokenId, scope, lastUsedAt, expires_at: _expires, ...user } = row;
  return { tokenId, scope, lastUsedAt, user };
}

/**
 * Every API request looks its token up, and drizzle building the query and SQLite preparing it cost
 * more than the read itself (docs/architecture.md, "API cost"): prepared once per connection.
 */
const tokenLookupOf = perConnection(prepareTokenLookup);

function prepareTokenLookup(db: Db) {
  return db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      expires_at: apiTokens.expires_at,
      lastUsedAt: apiTokens.last_used_at,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      created_at: users.created_at,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.user_id))
    .where(eq(apiTokens.token_hash, sql.placeholder("hash")))
    .prepare();
}

/** A user's tokens, newest first, without their hashes. */
export function listApiTokens(db: Db, { userId }: { userId: number }): ApiToken[] {
  return db
    .select(publicColumns)
    .from(apiTokens)
    .where(eq(apiTokens.user_id, userId))
    .orderBy(desc(apiTokens.id))
    .all();
}

/**
 * Deletes a token, with its audit row (`not_found` when there is none with this id) in the same
 * transaction; false when there was none. With `userId`, only that user's token (a user revoking their
 * own); without, any (an admin).
 */
export function revokeApiToken(
  db: Db,
  { tokenId, userId, actor }: { tokenId: number; userId?: number; actor: string },
): boolean {
  const owner = userId === undefined ? undefined : eq(apiTokens.user_id, userId);
  return db.transaction((tx) => {
    const revoked =
      tx
        .delete(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), owner))
        .run().changes > 0;
    writeAudit(tx, {
      actor,
      action: "api_token.revoke",
      target: `api_token:${tokenId}`,
      outcome: revoked ? "success" : "not_found",
      details: {},
    });
    return revoked;
  });
}
