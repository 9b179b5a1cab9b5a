import { createSocket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { listenUdp, type UdpListener } from "./udp-listener";

let listener: UdpListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

/** Sends `payloads` from one socket and resolves with what the listener passed on, copied. */
async function roundTrip(receiver: "dgram" | undefined, payloads: Uint8Array[]) {
  const got: Array<{ bytes: Uint8Array; from: string }> = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  listener = await listenUdp(
    { host: "127.0.0.1", port: 0, receiveBufferSize: 1 << 20, receiver, log: () => {} },
    (message, from) => {
      got.push({ bytes: new Uint8Array(message), from });
      if (got.length === payloads.length) done();
    },
  );
  const socket = createSocket("udp4");
  const port = Number(listener.address.split(":").at(-1));
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
});
