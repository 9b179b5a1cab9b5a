import type { Metadata } from "next";
import type { ReactNode } from "react";
import { GraphqlProvider } from "~/components/apollo-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: "Patronus Dashboard",
  description: "SD-WAN sites, paths, routing policies and traffic",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <a href="/" className="brand">
            Patronus
          </a>
          <nav>
            <a href="/">Sites</a>
            <a href="/policies">Policies</a>
          </nav>
        </header>
        <main>
          <GraphqlProvider>{children}</GraphqlProvider>
        </main>
      </body>
    </html>
  );
}
