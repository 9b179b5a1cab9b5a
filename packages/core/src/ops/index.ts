export {
  checkReadiness,
  checkDatabaseWritable,
  checkMigrations,
  checkCollector,
  type Readiness,
  type ReadinessCheck,
} from "./readiness";
