import { once } from "node:events";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, PEER_HEADER, sanitizeIncomingRequests } from "./client-address";

const none = parseTrustedProxies("");

describe("the client address of a sign-in", () => {
  it("is the socket peer, whatever X-Forwarded-For says, when no proxy is trusted", () => {
    expect(clientAddress({ peer: "192.0.2.7", forwardedFor: "198.51.100.1, 198.51.100.2", trusted: none })).toBe(
      "192.0.2.7",
    );
  });

  it("is the nearest untrusted hop of X-Forwarded-For when a trusted proxy forwarded the request", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 2001:db8::1");

    expect(clientAddress({ peer: "10.1.2.3", forwardedFor: "203.0.113.66, 192.0.2.7, 10.9.9.9", trusted })).toBe(
      "192.0.2.7",
    );
    expect(clientAddress({ peer: "2001:db8::1", forwardedFor: "192.0.2.7", trusted })).toBe("192.0.2.7");
  });

  it("reads an IPv4 peer on a dual-stack socket as its IPv4 address", () => {
    const trusted = parseTrustedProxies("127.0.0.1");
    expect(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "192.0.2.7", trusted })).toBe("192.0.2.7");
    expect(clientAddress({ peer: "::ffff:192.0.2.7", forwardedFor: null, trusted: none })).toBe("192.0.2.7");
  });

  it("stops at a malformed hop instead of believing what lies past it", () => {
    const trusted = parseTrustedProxies("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "192.0.2.7, not-an-address", trusted })).toBe("10.0.0.1");
  });

  it("refuses a trusted-proxy entry that is neither an address nor a CIDR range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.example")).toThrow(
      '"proxy.example" is not an IP address or CIDR range',
    );
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow('"10.0.0.0/33"');
  });
});

describe("requests reaching a real HTTP server", () => {
  let server: Server;
  let stop: (() => void) | undefined;
  afterEach(async () => {
    stop?.();
    server.close();
    await once(server, "close");
  });

  /** A server that answers each request with the headers its handler saw. */
  async function echoServer(): Promise<number> {
    server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return (server.address() as AddressInfo).port;
  }

  async function send(port: number, headers: Record<string, string>): Promise<IncomingHttpHeaders> {
    const req = request({ port, host: "127.0.0.1", headers });
    req.end();
    const [res] = (await once(req, "response")) as [import("node:http").IncomingMessage];
    let body = "";
    for await (const chunk of res) body += chunk;
    return JSON.parse(body) as IncomingHttpHeaders;
  }

  const spoofed = {
    "x-forwarded-for": "198.51.100.1",
    "x-real-ip": "198.51.100.2",
    "x-forwarded-host": "evil.example",
    [PEER_HEADER]: "198.51.100.3",
  };

  it("lose their forwarded headers and carry their real peer when it is not a trusted proxy", async () => {
    stop = sanitizeIncomingRequests(none);
    const seen = await send(await echoServer(), spoofed);

    expect(seen[PEER_HEADER]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"] ?? seen["x-real-ip"] ?? seen["x-forwarded-host"]).toBeUndefined();
  });

  it("keep their forwarded headers when a trusted proxy sent them", async () => {
    stop = sanitizeIncomingRequests(parseTrustedProxies("127.0.0.1"));
    const seen = await send(await echoServer(), spoofed);

    expect(seen).toMatchObject({
      [PEER_HEADER]: "127.0.0.1",
      "x-forwarded-for": "198.51.100.1",
      "x-forwarded-host": "evil.example",
    });
  });
});
