import { NotFoundError } from "@patronus/core/errors";
import { createApiToken, findUserByEmail, listApiTokens, revokeApiToken } from "@patronus/core/users";
import type { Context } from "../context";

const DAY_MS = 86_400_000;

export const tokensResolvers = {
  Query: {
    api_tokens: (_: unknown, __: unknown, ctx: Context) => listApiTokens(ctx.db, { userId: ctx.viewer!.id }),
  },
  Mutation: {
    createApiToken: (
      _: unknown,
      { name, expires_in_days, email }: { name: string; expires_in_days?: number | null; email?: string | null },
      ctx: Context,
    ) => {
      const viewer = ctx.viewer!;
      const owner = email ? findUserByEmail(ctx.db, email) : { id: viewer.id, email: viewer.email };
      if (!owner) throw new NotFoundError(`no user has the email ${email}`);
      const expiresAt = expires_in_days ? Date.now() + expires_in_days * DAY_MS : undefined;
      const created = createApiToken(ctx.db, { actor: viewer.email, userId: owner.id, name, expiresAt });
      return { ...created, email: owner.email };
    },
    revokeApiToken: (_: unknown, { id }: { id: string }, ctx: Context) => {
      return revokeApiToken(ctx.db, { tokenId: Number(id), actor: ctx.viewer!.email });
    },
  },
};
