import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "./route";

const url = "http://localhost:3000/api/auth/callback/credentials";
const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const form = { "content-type": "application/x-www-form-urlencoded", host: "localhost:3000" };

describe("the sign-in route's body limit", () => {
  it("refuses a body whose Content-Length is over 64 KB with 413, before reading it", async () => {
    const request = new NextRequest(url, {
      method: "POST",
      headers: { ...form, "content-length": String(64 * 1024 + 1) },
      body: "x",
    });

    const response = await POST(request, context);

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "The request body is larger than 65536 bytes." });
  });

  it("refuses a streamed body once it passes 64 KB with 413, and reads no further", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
      },
    });
    // A stream has no Content-Length: only counting what arrives can stop it.
    const request = new NextRequest(
      new Request(url, { method: "POST", headers: form, body: endless, duplex: "half" } as RequestInit),
    );

    const response = await POST(request, context);

    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });
});
