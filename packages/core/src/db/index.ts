export { openDatabase, databaseFile, checkIntegrity, type Db, type Queryable, type DatabaseHandle } from "./client";
export { migrateDatabase, migrationState, defaultMigrationsFolder } from "./migrate";
export { siteStatuses, interfaceKinds, pathStatuses, pathPreferences, userRoles, auditOutcomes } from "./schema";
