import { createSocket } from "node:dgram";
import { constants } from "node:os";
import { injectReceiveFailure } from "@patronus/udp-batch/testing";
import { afterEach, describe, expect, it } from "vitest";
import { listenUdp, type UdpListener } from "./udp-listener";

let listener: UdpListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

/** Sends `payloads` from one socket and resolves with what the listener passed on, copied. */
async function roundTrip(
  receiver: "dgram" | undefined,
  payloads: Uint8Array[],
  { log = () => {}, beforeSend = () => {} }: { log?: (line: string) => void; beforeSend?: () => void } = {},
) {
  const got: Array<{ bytes: Uint8Array; from: string }> = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  listener = await listenUdp(
    { host: "127.0.0.1", port: 0, receiveBufferSize: 1 << 20, receiver, log },
    (message, from) => {
      got.push({ bytes: new Uint8Array(message), from });
      if (got.length === payloads.length) done();
    },
  );
  const socket = createSocket("udp4");
  const port = Number(listener.address.split(":").at(-1));
  beforeSend();
  for (const p of payloads) socket.send(p, port, "127.0.0.1");
  await all;
  socket.close();
  return got;
}

describe("listenUdp", () => {
  const payloads = [1, 1500, 9000].map((size, seq) => new Uint8Array(size).fill(seq + 1));

  it("receives in recvmmsg batches where the addon is built", async () => {
    const got = await roundTrip(undefined, payloads);

    expect(listener!.receiver).toBe("recvmmsg");
    expect(got).toEqual(payloads.map((bytes) => ({ bytes, from: "127.0.0.1" })));
  });

  it("falls back to dgram with the same messages", async () => {
    const got = await roundTrip("dgram", payloads);

    expect(listener!.receiver).toBe("dgram");
    expect(got).toEqual(payloads.map((bytes) => ({ bytes, from: "127.0.0.1" })));
  });

  it("logs that it receives in recvmmsg batches where the addon is built", async () => {
    const lines: string[] = [];

    await roundTrip(undefined, payloads, { log: (line) => lines.push(line) });

    expect(lines).toEqual([`udp: receiving on ${listener!.address} in recvmmsg batches through @patronus/udp-batch`]);
  });

  it("logs that it receives with dgram, and why, when dgram is asked for", async () => {
    const lines: string[] = [];

    await roundTrip("dgram", payloads, { log: (line) => lines.push(line) });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^udp: receiving on ${listener!.address} with Node's dgram socket, .* because receiver "dgram" was asked for$`,
      ),
    );
  });

  it("a failing read is logged once per code, counted, and the datagrams still arrive", async () => {
    const lines: string[] = [];

    const got = await roundTrip(undefined, payloads, {
      log: (line) => lines.push(line),
      beforeSend: () => injectReceiveFailure(3, constants.errno.ENOMEM),
    });

    expect(got.map((r) => r.bytes)).toEqual(payloads);
    expect(listener!.errors()).toBe(3);
    expect(lines.slice(1)).toEqual([
      `udp: read failed: recvmmsg ${listener!.address}: ENOMEM (not enough memory); receiving goes on, further ENOMEM errors are only counted`,
    ]);
  });

  for (const receiver of [undefined, "dgram"] as const) {
    it(`binding a port in use rejects with EADDRINUSE (${receiver ?? "recvmmsg"})`, async () => {
      const taken = createSocket("udp4");
      await new Promise<void>((resolve) => taken.bind(0, "127.0.0.1", resolve));
      const port = taken.address().port;

      const bind = listenUdp(
        { host: "127.0.0.1", port, receiveBufferSize: 1 << 20, receiver, log: () => {} },
        () => {},
      );

      await expect(bind).rejects.toMatchObject({ code: "EADDRINUSE", syscall: "bind" });
      taken.close();
    });
  }
});
