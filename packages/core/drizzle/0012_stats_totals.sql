CREATE TABLE `sdwan_stats_totals_10s` (
	`bucket` integer PRIMARY KEY NOT NULL,
	`packets` integer NOT NULL,
	`bytes` integer NOT NULL,
	`samples` integer NOT NULL,
	`began_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`active_flows` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sdwan_stats_totals_hour` (
	`bucket` integer PRIMARY KEY NOT NULL,
	`packets` integer NOT NULL,
	`bytes` integer NOT NULL,
	`samples` integer NOT NULL,
	`began_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`active_flows` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sdwan_stats_totals_minute` (
	`bucket` integer PRIMARY KEY NOT NULL,
	`packets` integer NOT NULL,
	`bytes` integer NOT NULL,
	`samples` integer NOT NULL,
	`began_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`active_flows` integer NOT NULL
);

--> statement-breakpoint
-- Backfill: what the policies' rows already say of each bucket (docs/database.md, "Totals"). The 10 s
-- totals start empty: history reads raw rows until they reach back far enough.
INSERT INTO `sdwan_stats_totals_minute` (`bucket`, `packets`, `bytes`, `samples`, `began_at`, `last_at`, `active_flows`)
SELECT `bucket`, sum(`packets`), sum(`bytes`), sum(`samples`), min(`began_at`), max(`last_at`), sum(`active_flows`)
FROM `sdwan_policy_stats_minute` GROUP BY `bucket`;
--> statement-breakpoint
INSERT INTO `sdwan_stats_totals_hour` (`bucket`, `packets`, `bytes`, `samples`, `began_at`, `last_at`, `active_flows`)
SELECT `bucket`, sum(`packets`), sum(`bytes`), sum(`samples`), min(`began_at`), max(`last_at`), sum(`active_flows`)
FROM `sdwan_policy_stats_hour` GROUP BY `bucket`;
