export {
  ingestPathMetrics,
  pathScore,
  statusOf,
  MAX_SAMPLES_PER_BATCH,
  DEGRADED_BELOW_SCORE,
  DOWN_AT_LOSS_PCT,
  type PathMetricSample,
  type IngestResult,
} from "./ingest";
export { listPathHealth, getPathMetricHistory, type PathHealth, type PathEnd, type PathMetricBucket } from "./health";
export { startDemoMetricsFeed, demoSamples } from "./demo-feed";
