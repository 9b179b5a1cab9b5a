import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { GraphqlProvider } from "~/components/apollo-provider";
import { ClockCookie } from "~/components/clock-cookie";
import { CollectorHealthBanner } from "~/components/collector-health-banner";
import { NavLinks } from "~/components/nav-links";
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
        <ClockCookie />
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="topbar">
          <Link href="/" className="brand">
            Patronus
          </Link>
          {user && (
            <>
              <nav aria-label="Main">
                <NavLinks
                  links={[
                    { href: "/", label: "Overview" },
                    { href: "/sites", label: "Sites" },
                    { href: "/policies", label: "Policies" },
                    { href: "/traffic", label: "Traffic" },
                    { href: "/paths", label: "Paths" },
                    ...(user.role !== "viewer" ? [{ href: "/caches", label: "Caches" }] : []),
                    ...(user.role === "admin"
                      ? [
                          { href: "/users", label: "Users" },
                          { href: "/audit", label: "Audit log" },
                        ]
                      : []),
                  ]}
                />
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
        <main id="main" tabIndex={-1}>
          <GraphqlProvider>
            {user && <CollectorHealthBanner />}
            {children}
          </GraphqlProvider>
        </main>
      </body>
    </html>
  );
}
