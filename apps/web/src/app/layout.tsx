import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GraphqlProvider } from "~/components/apollo-provider";
import { SignOutButton } from "~/components/sign-out-button";
import { getSessionUser } from "~/server/auth";
import "./globals.css";

export const metadata: Metadata = {
  title: "Patronus Dashboard",
  description: "SD-WAN sites, paths, routing policies and traffic",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a href="/" className="brand">
            Patronus
          </a>
          {user && (
            <>
              <nav aria-label="Main">
                <a href="/">Sites</a>
                <a href="/policies">Policies</a>
                <a href="/traffic">Traffic</a>
                {user.role !== "viewer" && <a href="/caches">Caches</a>}
                {user.role === "admin" && <a href="/users">Users</a>}
              </nav>
              <div className="account" data-testid="signed-in-as">
                <span>
                  {user.email} <span className="role">{user.role}</span>
                </span>
                <SignOutButton />
              </div>
            </>
          )}
        </header>
        <main>
          <GraphqlProvider>{children}</GraphqlProvider>
        </main>
      </body>
    </html>
  );
}
