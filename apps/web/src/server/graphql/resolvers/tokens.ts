import { NotFoundError } from "@patronus/core/errors";
import { createApiToken, findUserByEmail, listApiTokens, revokeApiToken } from "@patronus/core/users";
import type { Resolvers } from "../generated/resolvers";

const DAY_MS = 86_400_000;

export const tokensResolvers: Resolvers = {
  Query: {
    api_tokens: (_, __, ctx) => listApiTokens(ctx.db, { userId: ctx.viewer.id }),
  },
  Mutation: {
    createApiToken: (_, { name, expires_in_days, email, scope }, ctx) => {
      const { viewer } = ctx;
      const owner = email ? findUserByEmail(ctx.db, email) : { id: viewer.id, email: viewer.email };
      if (!owner) throw new NotFoundError(`no user has the email ${email}`);
      const expiresAt = expires_in_days ? Date.now() + expires_in_days * DAY_MS : undefined;
      const created = createApiToken(ctx.db, { actor: viewer.email, userId: owner.id, name, expiresAt, scope });
      return { ...created, email: owner.email };
    },
    revokeApiToken: (_, { id }, ctx) => {
      return revokeApiToken(ctx.db, { tokenId: Number(id), actor: ctx.viewer.email });
    },
  },
};
