export { openDatabase, type Db, type Tx, type DatabaseHandle } from "./client";
export { migrateDatabase, defaultMigrationsFolder } from "./migrate";
export {
  siteStatuses,
  interfaceKinds,
  pathStatuses,
  pathPreferences,
  userRoles,
  auditOutcomes,
} from "./schema";
