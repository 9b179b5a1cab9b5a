// UDP receive in batches with Linux recvmmsg(2), for the flow collector: one syscall and one call from
// native code a batch rather than Node's dgram's recvmsg, Buffer, rinfo object and callback per
// datagram. See README.md for what that saves.
//
// Plain JavaScript typed by index.d.ts, unlike the rest of the repo: the sidecar runs as an esbuild
// bundle under plain node with this package left outside it (native addons stay in their folders),
// and Node 20 cannot load a .ts file.
import { isIP } from "node:net";
import { native } from "./load.js";

// The words of a datagram's entry in the meta array, as udp_batch.c writes them.
const SLOT = 0;
const LENGTH = 1;
const PORT = 2;
const ADDR = 3;

/** @type {string | undefined} */
export const unavailable = typeof native === "string" ? native : undefined;

/**
 * @param {import("./index").BatchSocketOptions} options
 * @param {import("./index").OnDatagram} onDatagram
 * @returns {import("./index").BatchSocket}
 */
export function openBatchSocket(options, onDatagram) {
  const addon = native; // a local, so that the check below narrows it inside the closures too
  if (typeof addon === "string") throw new Error(`@patronus/udp-batch: ${addon}`);
  const {
    host,
    port,
    receiveBufferSize = 0,
    slots = 64,
    maxDatagramSize = 65_536,
    maxBatchesPerWake = 16,
    coalesceMs = 1,
    onError,
  } = options;
  const version = isIP(host);
  if (version === 0)
    throw Object.assign(new Error(`bind ${host}:${port}: EINVAL (not an IP address)`), { code: "EINVAL" });
  const family = version === 6 ? 6 : 4;
  const stride = addon.metaStride;
  const data = new ArrayBuffer(slots * maxDatagramSize);
  const meta = new Uint32Array(slots * stride);
  const names = new AddressNames(addon, family, new Uint8Array(meta.buffer));
  let open = true;
  let batches = 0;
  let errors = 0;

  /** @param {number} count */
  const onBatch = (count) => {
    batches++;
    for (let i = 0, m = 0; i < count && open; i++, m += stride) {
      const bytes = new Uint8Array(data, meta[m + SLOT] * maxDatagramSize, meta[m + LENGTH]);
      onDatagram(bytes, names.of(meta, m + ADDR), meta[m + PORT]);
    }
  };
  const [handle, address, boundPort, granted] = addon.open(
    host,
    family,
    port,
    receiveBufferSize,
    data,
    maxDatagramSize,
    meta.buffer,
    maxBatchesPerWake,
    onBatch,
    coalesceMs,
    /** @param {NodeJS.ErrnoException} error */
    (error) => {
      errors++;
      onError?.(error);
    },
  );
  return {
    address,
    port: boundPort,
    receiveBufferSize: granted,
    truncated: () => addon.truncated(handle),
    batches: () => batches,
    errors: () => errors,
    close() {
      open = false;
      addon.close(handle);
      return Promise.resolve();
    },
  };
}

/** Cap on remembered source addresses, so a flood of spoofed sources cannot grow memory without bound. */
const MAX_NAMES = 4096;

/**
 * Source address strings by their bytes: exporters are few and send many datagrams each, so a
 * datagram costs a few word comparisons, not a string.
 */
class AddressNames {
  /** @type {Map<number, Array<{ words: number[], name: string }>>} */
  buckets = new Map();
  last = { words: [-1, -1, -1, -1], name: "" };

  /**
   * @param {import("./native").Native} native
   * @param {4 | 6} family
   * @param {Uint8Array} metaBytes
   */
  constructor(native, family, metaBytes) {
    this.native = native;
    this.family = family;
    this.metaBytes = metaBytes;
  }

  /**
   * @param {Uint32Array} meta
   * @param {number} at
   */
  of(meta, at) {
    const a = meta[at];
    const b = meta[at + 1];
    const c = meta[at + 2];
    const d = meta[at + 3];
    const last = this.last.words;
    if (last[0] === a && last[1] === b && last[2] === c && last[3] === d) return this.last.name;
    const key = (a ^ b ^ c ^ d) >>> 0;
    let bucket = this.buckets.get(key);
    let found = bucket?.find(({ words: w }) => w[0] === a && w[1] === b && w[2] === c && w[3] === d);
    if (!found) {
      if (this.buckets.size >= MAX_NAMES) this.buckets.clear();
      found = {
        words: [a, b, c, d],
        name: this.native.ntop(this.family, this.metaBytes.subarray(at * 4, at * 4 + 16)),
      };
      if (!bucket) this.buckets.set(key, (bucket = []));
      bucket.push(found);
    }
    this.last = found;
    return found.name;
  }
}
