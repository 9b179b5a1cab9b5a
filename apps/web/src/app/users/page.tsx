import { UserAdmin } from "~/components/user-admin";
import { requirePageUser } from "~/server/auth";

export const metadata = { title: "Users · Patronus Dashboard" };

export default async function UsersPage() {
  const user = await requirePageUser("/users");
  if (user.role !== "admin") {
    return (
      <>
        <h1>Users</h1>
        <p role="alert">Only admins can manage users; you are signed in as {user.role}.</p>
      </>
    );
  }
  return (
    <>
      <h1>Users</h1>
      <UserAdmin self={user.email} />
    </>
  );
}
