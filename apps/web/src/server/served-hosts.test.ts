import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { isServedHost } from "./served-hosts";

describe("the hosts sign-in believes without NEXTAUTH_URL", () => {
  it("are this machine's loopback names and hostname on its own port", () => {
    expect(isServedHost("127.0.0.1:3000", 3000)).toBe(true);
    expect(isServedHost("localhost:3000", 3000)).toBe(true);
    expect(isServedHost("[::1]:3000", 3000)).toBe(true);
    expect(isServedHost(`${hostname()}:3000`, 3000)).toBe(true);
  });

  it("leave out another name, another port, or no Host at all", () => {
    expect(isServedHost("evil.example:3000", 3000)).toBe(false);
    expect(isServedHost("127.0.0.1:3001", 3000)).toBe(false);
    expect(isServedHost("127.0.0.1", 3000)).toBe(false);
    expect(isServedHost(undefined, 3000)).toBe(false);
  });

  it("take a Host without a port as port 80", () => {
    expect(isServedHost("localhost", 80)).toBe(true);
  });
});
