import { previewMatcher, type PreviewOptions, type TrafficStatsCollector } from "@patronus/core/traffic/engine";
import type { ControlParams, PreviewReport } from "@patronus/core/traffic/control";
import { PolicyMatcher } from "@patronus/core/traffic/match";
import { HttpError } from "./control-server";

/**
 * The control interface's preview handler: compiles the draft list into a matcher of its own and runs it
 * over a copy of the live flows in slices (core's previewMatcher), one preview at a time: a second while
 * one runs is refused with 429 rather than queued, so previews cannot pile up copies of the flow table.
 * docs/architecture.md "Policy change preview".
 */
export function createPreviewHandler(
  collector: TrafficStatsCollector,
  options: Omit<PreviewOptions, "top"> & { now?: () => number } = {},
): (params: ControlParams<"preview">) => Promise<PreviewReport> {
  const { now = Date.now, ...sliceOptions } = options;
  let running = false;
  return async ({ policies, top }) => {
    if (running) throw new HttpError(429, "another policy preview is running; try again when it ends");
    running = true;
    try {
      const started = performance.now();
      let draft: PolicyMatcher;
      try {
        draft = new PolicyMatcher(policies);
      } catch (error) {
        throw new HttpError(400, `bad preview request: ${(error as Error).message}`);
      }
      // Compiling 1,000 policies is the longest step that cannot be sliced: give the loop its turn after it.
      await new Promise((resolve) => setImmediate(resolve));
      const at = now();
      const preview = await previewMatcher(collector.liveFlows(), draft, { ...sliceOptions, top });
      return { ...preview, at, elapsed_ms: performance.now() - started };
    } finally {
      running = false;
    }
  };
}
