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
-- Backfill: what the policies' rows already say of each bucket (docs/database.md, "Totals").
INSERT INTO `sdwan_stats_totals_minute` (`bucket`, `packets`, `bytes`, `samples`, `began_at`, `last_at`, `active_flows`)
SELECT `bucket`, sum(`packets`), sum(`bytes`), sum(`samples`), min(`began_at`), max(`last_at`), sum(`active_flows`)
FROM `sdwan_policy_stats_minute` GROUP BY `bucket`;
--> statement-breakpoint
INSERT INTO `sdwan_stats_totals_hour` (`bucket`, `packets`, `bytes`, `samples`, `began_at`, `last_at`, `active_flows`)
SELECT `bucket`, sum(`packets`), sum(`bytes`), sum(`samples`), min(`began_at`), max(`last_at`), sum(`active_flows`)
FROM `sdwan_policy_stats_hour` GROUP BY `bucket`;
--> statement-breakpoint
-- A deleted policy's rows leave the totals with it, before the cascade removes them. A bucket left with
-- no rows stays, with nothing in it, until it is pruned: reads skip it (docs/database.md, "Totals").
CREATE TRIGGER `sdwan_stats_totals_policy_deleted` BEFORE DELETE ON `sdwan_policies` BEGIN
  UPDATE `sdwan_stats_totals_minute` AS t SET `packets` = t.`packets` - r.`packets`, `bytes` = t.`bytes` - r.`bytes`,
    `samples` = t.`samples` - r.`samples`, `active_flows` = t.`active_flows` - r.`active_flows`
  FROM `sdwan_policy_stats_minute` AS r WHERE r.`policy_id` = old.`policy_id` AND r.`bucket` = t.`bucket`;
  UPDATE `sdwan_stats_totals_hour` AS t SET `packets` = t.`packets` - r.`packets`, `bytes` = t.`bytes` - r.`bytes`,
    `samples` = t.`samples` - r.`samples`, `active_flows` = t.`active_flows` - r.`active_flows`
  FROM `sdwan_policy_stats_hour` AS r WHERE r.`policy_id` = old.`policy_id` AND r.`bucket` = t.`bucket`;
END;
