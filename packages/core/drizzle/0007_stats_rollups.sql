CREATE TABLE `sdwan_policy_stats_hour` (
	`policy_id` integer NOT NULL,
	`bucket` integer NOT NULL,
	`packets` integer NOT NULL,
	`bytes` integer NOT NULL,
	`samples` integer NOT NULL,
	`began_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`active_flows` integer NOT NULL,
	PRIMARY KEY(`policy_id`, `bucket`),
	FOREIGN KEY (`policy_id`) REFERENCES `sdwan_policies`(`policy_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sdwan_policy_stats_hour_bucket_idx` ON `sdwan_policy_stats_hour` (`bucket`);--> statement-breakpoint
CREATE TABLE `sdwan_policy_stats_minute` (
	`policy_id` integer NOT NULL,
	`bucket` integer NOT NULL,
	`packets` integer NOT NULL,
	`bytes` integer NOT NULL,
	`samples` integer NOT NULL,
	`began_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	`active_flows` integer NOT NULL,
	PRIMARY KEY(`policy_id`, `bucket`),
	FOREIGN KEY (`policy_id`) REFERENCES `sdwan_policies`(`policy_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sdwan_policy_stats_minute_bucket_idx` ON `sdwan_policy_stats_minute` (`bucket`);