"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import { useRef, useState, type FormEvent } from "react";
import { formText } from "./form-text";
import { graphql } from "../graphql";
import { LoadError, Loading } from "./query-states";
import { UserRole, type UsersQuery } from "../graphql/graphql";

// From the schema's UserRole enum, which roles.test.ts holds equal to core's list.
const ROLES = Object.values(UserRole);

/** A role picked in a form; the pickers offer only ROLES. */
function asRole(value: unknown): UserRole {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new Error(`unknown role ${String(value)}`);
  return role;
}

type UserRow = UsersQuery["users"][number];

graphql(`
  fragment UserFields on User {
    id
    email
    name
    role
    created_at
  }
`);

const USERS = graphql(`
  query Users {
    users {
      ...UserFields
    }
  }
`);

const CREATE_USER = graphql(`
  mutation CreateUser($email: String!, $name: String, $role: UserRole!) {
    createUser(email: $email, name: $name, role: $role) {
      generated_password
      user {
        ...UserFields
      }
    }
  }
`);

const SET_ROLE = graphql(`
  mutation SetUserRole($id: ID!, $role: UserRole!) {
    setUserRole(user_id: $id, role: $role) {
      ...UserFields
    }
  }
`);

const RESET_PASSWORD = graphql(`
  mutation ResetPassword($id: ID!) {
    resetPassword(user_id: $id) {
      generated_password
      user {
        ...UserFields
      }
    }
  }
`);

const DELETE_USER = graphql(`
  mutation DeleteUser($id: ID!) {
    deleteUser(user_id: $id) {
      id
      email
    }
  }
`);

/** A change an admin confirms before it happens. */
/** What the confirmation dialog says for each change it guards. */
const DIALOG: Record<Pending["kind"], { title: (p: Pending) => string; body: string; confirm: string }> = {
  delete: {
    title: (p) => `Delete ${p.user.email}?`,
    body: "The account and its API tokens go; its session ends on its next request.",
    confirm: "Delete user",
  },
  reset: {
    title: (p) => `Reset the password of ${p.user.email}?`,
    body: "A new password is generated and shown once; the old one stops working at once.",
    confirm: "Reset password",
  },
  role: {
    title: (p) => `Change ${p.user.email} from ${p.user.role} to ${p.kind === "role" ? p.role : p.user.role}?`,
    body: "Their sessions end at once; they sign in again with the new role. Their API tokens act with it from their next request.",
    confirm: "Change role",
  },
};

type Pending = { kind: "reset" | "delete"; user: UserRow } | { kind: "role"; user: UserRow; role: UserRole };

const date = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/**
 * Accounts and their roles. An admin adds users (the password is generated and shown once), changes
 * roles, resets passwords and deletes accounts; the server refuses what would leave no admin, and the
 * refusal is shown as it comes.
 */
export function UserAdmin({ self }: { self: string }) {
  const { data, error, refetch } = useQuery(USERS);
  const [createUser, { loading: creating }] = useMutation(CREATE_USER);
  const [setRole] = useMutation(SET_ROLE);
  const [reset] = useMutation(RESET_PASSWORD);
  const [remove] = useMutation(DELETE_USER);
  const [status, setStatus] = useState<string>();
  const [secret, setSecret] = useState<{ email: string; password: string }>();
  const [pending, setPending] = useState<Pending>();
  const dialog = useRef<HTMLDialogElement>(null);

  /** Runs one mutation; its refusal (say, demoting the last admin) becomes the status line. */
  async function run(action: () => Promise<string | undefined>) {
    setSecret(undefined);
    try {
      setStatus(await action());
    } catch (e) {
      setStatus((e as Error).message);
    }
    await refetch();
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const email = formText(fields, "email");
    await run(async () => {
      const { data: created } = await createUser({
        variables: { email, name: formText(fields, "name"), role: asRole(fields.get("role")) },
      });
      form.reset();
      return created && showSecret(created.createUser.user.email, created.createUser.generated_password, "Added");
    });
  }

  function showSecret(email: string, password: string | null, verb: string) {
    if (password !== null) setSecret({ email, password });
    return `${verb} ${email}.`;
  }

  function confirmPending() {
    const target = pending;
    dialog.current?.close();
    if (!target) return;
    const variables = { id: target.user.id };
    void run(async () => {
      if (target.kind === "delete") {
        await remove({ variables });
        return `Deleted ${target.user.email}.`;
      }
      if (target.kind === "role") {
        await setRole({ variables: { ...variables, role: target.role } });
        return `${target.user.email} is now ${target.role}.`;
      }
      const { data: result } = await reset({ variables });
      return result && showSecret(target.user.email, result.resetPassword.generated_password, "Reset the password of");
    });
  }

  function ask(next: Pending) {
    setPending(next);
    dialog.current?.showModal();
  }

  if (!data) return error ? <LoadError what="the users" error={error} retry={refetch} /> : <Loading what="the users" />;

  return (
    <>
      <table aria-label="Users">
        <thead>
          <tr>
            <th>Email</th>
            <th>Name</th>
            <th>Role</th>
            <th>Since</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {data.users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>{user.name}</td>
              <td>
                <select
                  aria-label={`Role of ${user.email}`}
                  value={user.role}
                  // The picker keeps showing the current role until the change is confirmed.
                  onChange={(e) => ask({ kind: "role", user, role: asRole(e.target.value) })}
                >
                  {ROLES.map((role) => (
                    <option key={role}>{role}</option>
                  ))}
                </select>
              </td>
              <td>{date.format(user.created_at)}</td>
              <td className="row-actions">
                <button
                  type="button"
                  aria-label={`Reset password of ${user.email}`}
                  onClick={() => ask({ kind: "reset", user })}
                >
                  Reset password
                </button>
                {user.email !== self && (
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Delete ${user.email}`}
                    onClick={() => ask({ kind: "delete", user })}
                  >
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <p role="status" data-testid="users-status">
        {status}
      </p>
      {secret && (
        <p className="secret" data-testid="generated-password">
          Password for {secret.email}, shown only now: <code>{secret.password}</code>
        </p>
      )}

      <form className="add-user" onSubmit={(e) => void add(e)} aria-label="Add a user">
        <h2>Add a user</h2>
        <label>
          Email
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <label>
          Name
          <input name="name" autoComplete="off" />
        </label>
        <label>
          Role
          <select name="role" defaultValue="viewer">
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={creating}>
          Add user
        </button>
      </form>

      <dialog ref={dialog} aria-labelledby="user-dialog-title" onClose={() => setPending(undefined)}>
        {pending && (
          <>
            <h2 id="user-dialog-title">{DIALOG[pending.kind].title(pending)}</h2>
            <p>{DIALOG[pending.kind].body}</p>
            <p className="actions">
              <button type="button" className="danger" onClick={confirmPending}>
                {DIALOG[pending.kind].confirm}
              </button>
              <button type="button" onClick={() => dialog.current?.close()}>
                Cancel
              </button>
            </p>
          </>
        )}
      </dialog>
    </>
  );
}
