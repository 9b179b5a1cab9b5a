// UDP receive in batches with Linux recvmmsg(2), for the flow collector: one syscall and one call from
// native code a batch rather than Node's dgram's recvmsg, Buffer, rinfo object and callback per
// datagram. See README.md for what that saves.
//
// Plain JavaScript typed by index.d.ts, unlike the rest of the repo: the sidecar runs as an esbuild
// bundle under plain node with this package left outside it (native addons stay in their folders),
// and Node 20 cannot load a .ts file.
import { createRequire } from "node:module";
import { isIP } from "node:net";
import { dirname, join } from "node:path";
import process from "node:process";

// The words of a datagram's entry in the meta array, as udp_batch.c writes them.
const SLOT = 0;
const LENGTH = 1;
const PORT = 2;
const ADDR = 3;

/** @returns {import("./native").Native | string} the addon, or why it cannot be used */
function load() {
  if (process.platform !== "linux") return `recvmmsg is Linux-only, this is ${process.platform}`;
  try {
    // Found through the package, not beside this file, so that it also loads from inside a bundle.
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve("@patronus/udp-batch/package.json"));
    return require(join(root, "build/Release/udp_batch.node"));
  } catch (error) {
    return `the native addon did not load (${String(error instanceof Error ? error.message : error).split("\n")[0]})`;
  }
}

const native = load();

/** @type {string | undefined} */
export const unavailable = typeof native === "string" ? native : undefined;

/**
 * @param {import("./index").BatchSocketOptions} options
 * @param {import("./index").OnDatagram} onDatagram
 * @returns {import("./index").BatchSocket}
 */
export function openBatchSocket(options, onDatagram) {
  if (typeof native === "string") throw new Error(`@patronus/udp-batch: ${native}`);
  const {
    host,
    port,
    receiveBufferSize = 0,
    slots = 64,
    maxDatagramSize = 65_536,
    maxBatchesPerWake = 16,
    coalesceMs = 1,
  } = options;
  const version = isIP(host);
  if (version === 0)
    throw Object.assign(new Error(`bind ${host}:${port}: EINVAL (not an IP address)`), { code: "EINVAL" });
  const family = version === 6 ? 6 : 4;
  const stride = native.metaStride;
  const data = new ArrayBuffer(slots * maxDatagramSize);
  const meta = new Uint32Array(slots * stride);
  const names = new AddressNames(native, family, new Uint8Array(meta.buffer));
  let open = true;
  let batches = 0;

  /** @param {number} count */
  const onBatch = (count) => {
    batches++;
    for (let i = 0, m = 0; i < count && open; i++, m += stride) {
      const bytes = new Uint8Array(data, meta[m + SLOT] * maxDatagramSize, meta[m + LENGTH]);
      onDatagram(bytes, names.of(meta, m + ADDR), meta[m + PORT]);
    }
  };
  const [handle, address, boundPort, granted] = native.open(
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
  );
  return {
    address,
    port: boundPort,
    receiveBufferSize: granted,
    truncated: () => native.truncated(handle),
    batches: () => batches,
    close() {
      open = false;
      native.close(handle);
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
