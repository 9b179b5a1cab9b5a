export { seedDemoNetwork, demoSites, demoPolicies, type SeedSummary } from "./demo-network";
