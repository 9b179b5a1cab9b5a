import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { BlockList } from "node:net";
import { ipFamily, parseCidr, unmapIPv4 } from "@patronus/core/net";

/** The header this process stamps with each request's socket peer; whatever a client sent under it is replaced. */
export const PEER_HEADER = "x-patronus-peer";

/** Headers only a proxy may set: from anyone else they are dropped before Next or next-auth read them. */
const PROXY_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

/** "::ffff:192.0.2.7" (an IPv4 peer on a dual-stack socket) is 192.0.2.7. */
const normalize = (address: string) => unmapIPv4(address.trim());

/**
 * The trusted proxies of PATRONUS_TRUSTED_PROXIES: addresses and CIDR ranges, comma-separated. Throws
 * with the offending entry for anything else.
 */
export function parseTrustedProxies(value: string): BlockList {
  const list = new BlockList();
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const parsed = parseCidr(entry);
    if ("error" in parsed) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const { address, prefix, family } = parsed.cidr;
    const type = family === 6 ? "ipv6" : "ipv4";
    if (!entry.includes("/")) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

export function isTrusted(trusted: BlockList, address: string): boolean {
  const a = normalize(address);
  const family = ipFamily(a);
  return family !== 0 && trusted.check(a, family === 6 ? "ipv6" : "ipv4");
}

/**
 * Who sent a request: its socket peer, unless that peer is a trusted proxy; then the nearest address
 * in X-Forwarded-For (read from the right, as each proxy appends) that is not a trusted proxy itself.
 */
export function clientAddress({
  peer,
  forwardedFor,
  trusted,
}: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trusted: BlockList;
}): string {
  if (!peer) return "unknown";
  const direct = normalize(peer);
  if (!isTrusted(trusted, direct)) return direct;
  const hops = (forwardedFor ?? "").split(",").map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!ipFamily(hops[i]!)) return direct; // a malformed hop: do not guess past it
    if (!isTrusted(trusted, hops[i]!)) return hops[i]!;
  }
  return hops[0] ?? direct;
}

/**
 * Stamps every request this process's HTTP servers receive with its socket peer, and drops proxy headers
 * unless that peer is a trusted proxy. Runs on Node's `http.server.request.start` channel, before any
 * handler: Next only fills X-Forwarded-For from the socket when the client sent none, so a client could
 * otherwise pick its own address (and X-Forwarded-Host its own origin). Returns the unsubscribe.
 */
export function sanitizeIncomingRequests(trusted: BlockList): () => void {
  const onRequest = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    const peer = request.socket.remoteAddress ?? "";
    if (!isTrusted(trusted, peer)) for (const name of PROXY_HEADERS) delete request.headers[name];
    request.headers[PEER_HEADER] = normalize(peer);
  };
  subscribe("http.server.request.start", onRequest);
  return () => unsubscribe("http.server.request.start", onRequest);
}
