import { request } from "node:http";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { listen } from "./graphql/test-client";
import { readCappedNode } from "./read-capped";

const servers: { close: () => Promise<void> }[] = [];
afterEach(() => Promise.all(servers.splice(0).map((server) => server.close())));

/** A server that reads each request's body with readCappedNode(max) and hands the result to `seen`. */
async function reading(max: number, seen: (text: string | undefined) => void): Promise<number> {
  const server = await listen((req, res) => {
    void readCappedNode(req, max).then((text) => {
      seen(text);
      res.setHeader("connection", "close");
      res.end(text === undefined ? "too large" : "ok");
    });
  });
  servers.push(server);
  return Number(new URL(server.url).port);
}

function post(port: number, body: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve(text));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("readCappedNode", () => {
  it("reads a body up to the cap, in UTF-8", async () => {
    const texts: (string | undefined)[] = [];
    const port = await reading(13, (text) => texts.push(text)); // "héllo wörld" is 13 bytes
    expect(await post(port, "héllo wörld")).toBe("ok");
    expect(await post(port, "")).toBe("ok");
    expect(texts).toEqual(["héllo wörld", ""]);
  });

  it("refuses a declared Content-Length past the cap without waiting for the body", async () => {
    const texts: (string | undefined)[] = [];
    const port = await reading(10, (text) => texts.push(text));
    // Declares 1 MB and sends 11 bytes: the answer comes without the server waiting for the rest.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write("POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 1000000\r\n\r\n0123456789A");
      });
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1.1 200[\s\S]*too large$/);
    expect(texts).toEqual([undefined]);
  });

  it("stops at the cap for a chunked body, which has no length", async () => {
    const texts: (string | undefined)[] = [];
    const port = await reading(10, (text) => texts.push(text));
    expect(await post(port, "0123456789ABCDEF", { "transfer-encoding": "chunked" })).toBe("too large");
    expect(texts).toEqual([undefined]);
  });

  it("gives undefined for a client that goes away mid-body", async () => {
    const seen = new Promise<string | undefined>((resolve) => {
      void reading(1_000, (text) => resolve(text)).then((port) => {
        const socket = connect(port, "127.0.0.1", () => {
          socket.write("POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 500\r\n\r\nhalf a bo", () => socket.destroy());
        });
      });
    });
    expect(await seen).toBeUndefined();
  });
});
