/**
 * The IP module against ipaddr.js on what the hot path does: formatting flow-key addresses from
 * FlowRecord numbers, and parsing an address. ipaddr.js is not a dependency (it lost, see
 * docs/architecture.md); to rerun the comparison, install it in packages/core, e.g. `pnpm add -D ipaddr.js`.
 */
import { nsPerOp, report } from "../testing/bench";
import { formatIPv4, formatIPv6, ipFamily, parseIPv6 } from "./ip";

interface IpaddrJs {
  parse(text: string): { kind(): string };
  IPv4: new (octets: number[]) => { toString(): string };
  IPv6: new (parts: number[]) => { toRFC5952String(): string };
}

const v4s = Array.from({ length: 1024 }, (_, i) => (0x0a000000 + i * 2654435761) >>> 0);
const v6s = Array.from({ length: 1024 }, (_, i) => [0x20010db8, i & 7 ? 0 : i, (i * 40503) >>> 0, i]);
const v6Text = v6s.map((w) => formatIPv6(w));
const v4Text = v4s.map((n) => formatIPv4(n));

export async function run(): Promise<void> {
  const name = "ipaddr.js"; // a variable, so the type checker does not need the package
  const ipaddr = await import(name).then(
    (m: { default: IpaddrJs }) => m.default,
    () => undefined,
  );
  const words = new Uint32Array(4);
  const ours = {
    v4: nsPerOp((i) => formatIPv4(v4s[i & 1023]!), 1_000_000),
    v6: nsPerOp((i) => formatIPv6(v6s[i & 1023]!), 300_000),
    parse6: nsPerOp((i) => parseIPv6(v6Text[i & 1023]!, words), 300_000),
    family4: nsPerOp((i) => ipFamily(v4Text[i & 1023]!), 1_000_000),
  };
  if (!ipaddr) {
    console.log("ipaddr.js not installed: figures for this module only");
    for (const [what, ns] of Object.entries(ours)) console.log(`  ${what}: ${ns.toFixed(1)} ns`);
    return;
  }
  const octets = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const parts = (w: number[]) => w.flatMap((x) => [x >>> 16, x & 0xffff]);
  const theirs = {
    v4: nsPerOp((i) => new ipaddr.IPv4(octets(v4s[i & 1023]!)).toString(), 1_000_000),
    v6: nsPerOp((i) => new ipaddr.IPv6(parts(v6s[i & 1023]!)).toRFC5952String(), 300_000),
    parse6: nsPerOp((i) => ipaddr.parse(v6Text[i & 1023]!), 300_000),
    family4: nsPerOp((i) => ipaddr.parse(v4Text[i & 1023]!).kind(), 1_000_000),
  };
  // report(label, figure, baseline): the ratio is ours over ipaddr.js, below 1 when ours is faster.
  report("format IPv4 from a number (vs ipaddr.js)", ours.v4, theirs.v4, "ns");
  report("format IPv6 from words, RFC 5952 (vs ipaddr.js)", ours.v6, theirs.v6, "ns");
  report("parse IPv6 text (vs ipaddr.js parse)", ours.parse6, theirs.parse6, "ns");
  report("parse IPv4 text, family (vs ipaddr.js parse)", ours.family4, theirs.family4, "ns");
}
