import { addUser, deleteUser, listUsers, resetPassword, setUserRole } from "@patronus/core/users";
import type { Resolvers } from "../generated/resolvers";

// Core audits each change under the acting admin and refuses what would leave no admin.
export const usersResolvers: Resolvers = {
  Query: {
    users: (_, __, ctx) => listUsers(ctx.db),
  },
  Mutation: {
    createUser: async (_, args, ctx) => {
      const { user, generatedPassword } = await addUser(ctx.db, {
        email: args.email,
        name: args.name ?? undefined,
        role: args.role,
        password: args.password ?? undefined,
        actor: ctx.viewer.email,
      });
      return { user, generated_password: generatedPassword ?? null };
    },
    setUserRole: (_, { user_id, role }, ctx) =>
      setUserRole(ctx.db, { userId: Number(user_id), role, actor: ctx.viewer.email }),
    resetPassword: async (_, { user_id, password }, ctx) => {
      const { user, generatedPassword } = await resetPassword(ctx.db, {
        userId: Number(user_id),
        password: password ?? undefined,
        actor: ctx.viewer.email,
      });
      return { user, generated_password: generatedPassword ?? null };
    },
    deleteUser: (_, { user_id }, ctx) => deleteUser(ctx.db, { userId: Number(user_id), actor: ctx.viewer.email }),
  },
};
