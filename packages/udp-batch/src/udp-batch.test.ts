import { createSocket, type Socket } from "node:dgram";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { constants } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { openBatchSocket, unavailable, type BatchSocket, type BatchSocketOptions } from "./index";
import type { Native } from "./native";
import { injectOpenFailure, injectPollFailure, injectReceiveFailure } from "./testing";

/** The addon itself, for calls that index.js would never make; the same instance index.js loaded. */
const native = createRequire(import.meta.url)(join(import.meta.dirname, "../build/Release/udp_batch.node")) as Native;
const { ENOMEM, EBADF } = constants.errno;

/** Open file descriptors of this process. */
const fds = () => readdirSync("/proc/self/fd").length;

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

  it("five hundred opens and closes leave the file descriptor count where it was", async () => {
    const before = fds();

    for (let i = 0; i < 500; i++)
      await openBatchSocket({ host: "127.0.0.1", port: 0, slots: 4, maxDatagramSize: 2048 }, () => {}).close();

    expect(fds()).toBe(before);
  });

  it("each failing step of open throws and releases what it opened: no descriptor left, the port free", () => {
    const { socket } = receiver({ host: "127.0.0.1", port: 0 }, 0);
    const port = socket.port;
    void socket.close();
    const before = fds();
    const failures: Error[] = [];

    // Step n fails; the first n that does not fail is past the last step, and that open succeeds.
    for (let step = 1; step < 100; step++) {
      injectOpenFailure(step, ENOMEM);
      try {
        const opened = openBatchSocket({ host: "127.0.0.1", port, receiveBufferSize: 1 << 20 }, () => {});
        void opened.close();
        break;
      } catch (error) {
        failures.push(error as Error);
        expect(fds()).toBe(before);
      }
    }

    // A step that leaked its socket would make the next open fail with EADDRINUSE instead.
    expect(failures.length).toBeGreaterThan(20);
    for (const error of failures) expect(error.message).toMatch(/ENOMEM|failed \(injected\)/);
    expect(new Set(failures.flatMap((e) => (e as NodeJS.ErrnoException).syscall ?? []))).toEqual(
      new Set([
        "malloc",
        "socket",
        "setsockopt SO_RCVBUF",
        "getsockopt SO_RCVBUF",
        "bind",
        "getsockname",
        "uv_poll_init",
        "uv_poll_start",
      ]),
    );
    expect(fds()).toBe(before);
  });

  it("a callback that is not a function is refused with a TypeError before any socket is opened", () => {
    const { socket } = receiver({ host: "127.0.0.1", port: 0 }, 0);
    const port = socket.port;
    void socket.close();
    const before = fds();
    const data = new ArrayBuffer(4 * 2048);
    const meta = new ArrayBuffer(4 * native.metaStride * 4);

    const open = (onBatch: unknown, onError: unknown) => () =>
      native.open("127.0.0.1", 4, port, 0, data, 2048, meta, 16, onBatch as () => void, 1, onError as () => void);

    expect(open(42, () => {})).toThrow(TypeError);
    expect(open(() => {}, "not a function")).toThrow(TypeError);
    expect(fds()).toBe(before);
    // The port was never bound, or was freed: it binds again.
    receiver({ host: "127.0.0.1", port }, 0);
  });

  it("an address family other than 4 or 6 is refused with a TypeError", () => {
    const data = new ArrayBuffer(4 * 2048);
    const meta = new ArrayBuffer(4 * native.metaStride * 4);

    expect(() =>
      native.open(
        "127.0.0.1",
        5 as 4,
        0,
        0,
        data,
        2048,
        meta,
        16,
        () => {},
        1,
        () => {},
      ),
    ).toThrow(TypeError);
  });

  it("a failing recvmmsg reaches onError as a system error, is counted, and receiving goes on", async () => {
    const errors: NodeJS.ErrnoException[] = [];
    const got: Uint8Array[] = [];
    let delivered!: () => void;
    const arrived = new Promise<void>((resolve) => (delivered = resolve));
    const socket = openBatchSocket({ host: "127.0.0.1", port: 0, onError: (error) => errors.push(error) }, (bytes) => {
      got.push(bytes.slice());
      delivered();
    });
    open.push(socket);
    const from = await sender("udp4", "127.0.0.1");

    injectReceiveFailure(2, ENOMEM);
    await send(from, [payload(0, 30)], socket.port, "127.0.0.1");
    await arrived;

    expect(errors.map((e) => [e.code, e.syscall])).toEqual([
      ["ENOMEM", "recvmmsg"],
      ["ENOMEM", "recvmmsg"],
    ]);
    expect(errors[0].message).toBe(`recvmmsg 127.0.0.1:${socket.port}: ENOMEM (not enough memory)`);
    expect(socket.errors()).toBe(2);
    expect(got).toEqual([payload(0, 30)]);
  });

  it("a poll error reaches onError and receiving goes on", async () => {
    const errors: NodeJS.ErrnoException[] = [];
    let delivered!: () => void;
    const arrived = new Promise<void>((resolve) => (delivered = resolve));
    const socket = openBatchSocket({ host: "127.0.0.1", port: 0, onError: (error) => errors.push(error) }, () =>
      delivered(),
    );
    open.push(socket);
    const from = await sender("udp4", "127.0.0.1");

    injectPollFailure(1, EBADF);
    await send(from, [payload(0, 30)], socket.port, "127.0.0.1");
    await arrived;

    expect(errors.map((e) => [e.code, e.syscall])).toEqual([["EBADF", "poll"]]);
    expect(socket.errors()).toBe(1);
  });

  it("a callback that transfers the receive buffer closes the socket with an error instead of writing into it", async () => {
    const errors: Error[] = [];
    let failed!: () => void;
    const closed = new Promise<void>((resolve) => (failed = resolve));
    let delivered = 0;
    let first!: () => void;
    const firstArrived = new Promise<void>((resolve) => (first = resolve));
    const socket = openBatchSocket(
      {
        host: "127.0.0.1",
        port: 0,
        onError: (error) => {
          errors.push(error);
          failed();
        },
      },
      (bytes) => {
        delivered++;
        structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] });
        first();
      },
    );
    open.push(socket);
    const from = await sender("udp4", "127.0.0.1");

    await send(from, [payload(0, 30)], socket.port, "127.0.0.1");
    await firstArrived;
    // The second datagram wakes the socket once more; it must not be read into the detached buffer.
    await send(from, [payload(1, 30)], socket.port, "127.0.0.1");
    await closed;

    expect(delivered).toBe(1);
    expect(errors.map((e) => e.message)).toEqual([
      "udp-batch: the receive buffer was detached (transferred) by JS; the socket is closed",
    ]);
    // Closed: the port binds again.
    receiver({ host: "127.0.0.1", port: socket.port }, 0);
  });
});
