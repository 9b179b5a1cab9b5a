import { addUser, deleteUser, listUsers, resetPassword, setUserRole, type UserRole } from "@patronus/core/users";
import type { Context } from "../context";

// Core audits each change under the acting admin and refuses what would leave no admin.
export const usersResolvers = {
  Query: {
    users: (_: unknown, __: unknown, ctx: Context) => listUsers(ctx.db),
  },
  Mutation: {
    createUser: async (
      _: unknown,
      args: { email: string; name?: string | null; role: UserRole; password?: string | null },
      ctx: Context,
    ) => {
      const { user, generatedPassword } = await addUser(ctx.db, {
        email: args.email,
        name: args.name ?? undefined,
        role: args.role,
        password: args.password ?? undefined,
        actor: ctx.viewer!.email,
      });
      return { user, generated_password: generatedPassword ?? null };
    },
    setUserRole: (_: unknown, { user_id, role }: { user_id: string; role: UserRole }, ctx: Context) =>
      setUserRole(ctx.db, { userId: Number(user_id), role, actor: ctx.viewer!.email }),
    resetPassword: async (
      _: unknown,
      { user_id, password }: { user_id: string; password?: string | null },
      ctx: Context,
    ) => {
      const { user, generatedPassword } = await resetPassword(ctx.db, {
        userId: Number(user_id),
        password: password ?? undefined,
        actor: ctx.viewer!.email,
      });
      return { user, generated_password: generatedPassword ?? null };
    },
    deleteUser: (_: unknown, { user_id }: { user_id: string }, ctx: Context) =>
      deleteUser(ctx.db, { userId: Number(user_id), actor: ctx.viewer!.email }),
  },
};
