export {
  checkReadiness,
  checkDatabaseWritable,
  checkMigrations,
  checkCollector,
  type Readiness,
  type ReadinessCheck,
} from "./readiness";
export { backupDatabase, restoreDatabase, BackupError, type BackupResult, type RestoreResult } from "./backup";
export { metricsAccess, type MetricsAccess } from "./metrics-access";
