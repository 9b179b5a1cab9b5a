/**
 * Address parsing against hostile lengths: refusing an 80 KB zone id costs about what parsing a normal
 * address does, because the length cap comes first. The pattern it replaced is measured beside it on
 * 8 KB (at 80 KB it takes seconds), to show what the cap and the regex-free parser avoid.
 */
import { ValidationError } from "../errors";
import { nsPerOp, report } from "../testing/bench";
import { flowKey } from "../traffic/match/flow-key";

const flow = (src: string) => ({ src, dst: "2001:db8::2", srcPort: 1, dstPort: 2, protocol: 6 });
const refused = (src: string) => {
  try {
    return flowKey(flow(src));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return undefined;
  }
};

export function run(): void {
  const normal = "2001:db8::ffff:10.0.0.1";
  const zone80k = `fe80::1%${"1".repeat(80_000)}`;
  const zone8k = `fe80::1%${"1".repeat(8_000)}`;
  const baseline = nsPerOp(() => refused(normal), 100_000);
  report(
    "flowKey, 80 KB zone id (refused)",
    nsPerOp(() => refused(zone80k), 100_000),
    baseline,
    "ns",
    "< 2x the normal address",
  );
  // The IPv4-tail pattern the parser used before: quadratic, so 8 KB already costs milliseconds.
  const oldTail = (text: string) => /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  report(
    "old IPv4-tail regex, 8 KB zone id",
    nsPerOp(() => oldTail(zone8k), 3, 1),
    baseline,
    "ns",
  );
}
