import { hostname, networkInterfaces } from "node:os";

/**
 * Whether `host` (a Host header) names this machine on `port`: a loopback name, its hostname, or one of
 * its interface addresses. Without NEXTAUTH_URL, sign-in builds its URLs from the Host header, so it is
 * only believed when it names what this server serves; anything else needs NEXTAUTH_URL set.
 */
export function isServedHost(host: string | null | undefined, port: number): boolean {
  if (!host) return false;
  const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d+))?$/i.exec(host.trim().toLowerCase());
  if (!match) return false;
  const [, name = "", hostPort] = match;
  if (Number(hostPort ?? 80) !== port) return false;
  return servedNames().has(name);
}

function servedNames(): Set<string> {
  const names = new Set(["localhost", "127.0.0.1", "[::1]", hostname().toLowerCase()]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const { address, family } of addresses ?? [])
      names.add(family === "IPv6" ? `[${address.toLowerCase()}]` : address);
  }
  return names;
}
