import { createSocket, type Socket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { openBatchSocket, unavailable, type BatchSocket, type BatchSocketOptions } from "./index";

interface Received {
  bytes: Uint8Array;
  from: string;
  port: number;
}

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A batch socket that copies what it receives (the views are reused) and resolves once it has `n`. */
function receiver(options: BatchSocketOptions, n: number, onEach?: (socket: BatchSocket) => void) {
  const got: Received[] = [];
  let done: () => void;
  const all = new Promise<Received[]>((resolve) => (done = () => resolve(got)));
  const socket: BatchSocket = openBatchSocket(options, (bytes, from, port) => {
    got.push({ bytes: bytes.slice(), from, port });
    onEach?.(socket);
    if (got.length === n) done();
  });
  open.push(socket);
  return { socket, got, all };
}

async function sender(type: "udp4" | "udp6", host: string): Promise<Socket> {
  const socket = createSocket(type);
  open.push(socket);
  await new Promise<void>((resolve) => socket.bind(0, host, resolve));
  return socket;
}

function send(socket: Socket, payloads: Uint8Array[], port: number, host: string): Promise<void> {
  return Promise.all(
    payloads.map(
      (p) => new Promise<void>((resolve, reject) => socket.send(p, port, host, (e) => (e ? reject(e) : resolve()))),
    ),
  ).then(() => undefined);
}

/** `size` bytes that say which datagram they are and where each byte sits. */
function payload(seq: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (seq * 31 + i) & 0xff;
  return bytes;
}

describe("openBatchSocket", () => {
  it("builds and loads on Linux", () => {
    expect(unavailable).toBeUndefined();
  });

  for (const [type, host] of [
    ["udp4", "127.0.0.1"],
    ["udp6", "::1"],
  ] as const) {
    it(`delivers datagrams of 1 to 9000 bytes intact, in order, with their source over ${type}`, async () => {
      const sizes = [1, 2, 100, 1472, 1500, 9000, 0, 8999];
      const { socket, all } = receiver({ host, port: 0 }, sizes.length);
      const from = await sender(type, host);
      const payloads = sizes.map((size, seq) => payload(seq, size));

      await send(from, payloads, socket.port, host);

      const got = await all;
      expect(got.map((r) => r.bytes)).toEqual(payloads);
      expect(new Set(got.map((r) => `${r.from} ${r.port}`))).toEqual(new Set([`${host} ${from.address().port}`]));
      expect(socket.address).toBe(host);
    });
  }

  it("delivers a burst of many batches, across wake-ups, in order", async () => {
    const count = 150;
    // 4 slots and 2 calls a wake-up: the burst needs some 38 recvmmsg calls over 19 wake-ups.
    const { socket, all } = receiver(
      { host: "127.0.0.1", port: 0, slots: 4, maxBatchesPerWake: 2, receiveBufferSize: 1 << 20 },
      count,
    );
    const from = await sender("udp4", "127.0.0.1");

    await send(
      from,
      Array.from({ length: count }, (_, seq) => payload(seq, 64)),
      socket.port,
      "127.0.0.1",
    );

    expect((await all).map((r) => r.bytes[0])).toEqual(Array.from({ length: count }, (_, seq) => payload(seq, 64)[0]));
    // Queued before the loop polled, so they came up to 4 a call, not one by one.
    expect(socket.batches()).toBeLessThan(count / 2);
  });

  it("counts datagrams larger than a slot and does not deliver them", async () => {
    const { socket, all } = receiver({ host: "127.0.0.1", port: 0, maxDatagramSize: 100 }, 2);
    const from = await sender("udp4", "127.0.0.1");

    await send(from, [payload(0, 50), payload(1, 101), payload(2, 100)], socket.port, "127.0.0.1");

    expect((await all).map((r) => r.bytes.length)).toEqual([50, 100]);
    expect(socket.truncated()).toBe(1);
  });

  it("reports the receive buffer the kernel granted", () => {
    const { socket } = receiver({ host: "127.0.0.1", port: 0, receiveBufferSize: 256 * 1024 }, 0);
    // Linux doubles the request for its bookkeeping (socket(7)); rmem_max may cap it below that.
    expect(socket.receiveBufferSize).toBeGreaterThan(200 * 1024);
  });

  it("closing inside the callback stops the rest of the batch and frees the port", async () => {
    const first = receiver({ host: "127.0.0.1", port: 0 }, 1, (s) => void s.close());
    const port = first.socket.port;
    const from = await sender("udp4", "127.0.0.1");
    // Sent in one turn of the loop, so all three wait in one recvmmsg batch.
    await send(from, [payload(0, 10), payload(1, 10), payload(2, 10)], port, "127.0.0.1");
    await first.all;

    const second = receiver({ host: "127.0.0.1", port }, 1);
    await send(from, [payload(3, 10)], port, "127.0.0.1");

    expect((await second.all)[0].bytes).toEqual(payload(3, 10));
    expect(first.got).toHaveLength(1);
    await first.socket.close(); // a second close is harmless
  });

  it("binding a port in use throws an error that names EADDRINUSE", () => {
    const { socket } = receiver({ host: "127.0.0.1", port: 0 }, 0);

    const bind = () => openBatchSocket({ host: "127.0.0.1", port: socket.port }, () => {});

    expect(bind).toThrow(/EADDRINUSE/);
    expect(bind).toThrow(expect.objectContaining({ code: "EADDRINUSE", syscall: "bind" }));
  });

  it("a host that is not an IP address is refused with EINVAL", () => {
    expect(() => openBatchSocket({ host: "collector.example", port: 0 }, () => {})).toThrow(
      expect.objectContaining({ code: "EINVAL" }),
    );
  });

  it("an IPv6 socket on :: receives IPv4 senders as v4-mapped addresses, as dgram does", async () => {
    const { socket, all } = receiver({ host: "::", port: 0 }, 1);
    const from = await sender("udp4", "127.0.0.1");

    await send(from, [payload(0, 20)], socket.port, "127.0.0.1");

    expect((await all)[0].from).toBe("::ffff:127.0.0.1");
  });
});
