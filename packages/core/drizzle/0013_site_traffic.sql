CREATE TABLE `sdwan_site_policy_stats_hour` (
	`site_id` text NOT NULL,
	`policy_id` integer NOT NULL,
	`bucket` integer NOT NULL,
	`packets` integer NOT NULL,
	`bytes` integer NOT NULL,
	PRIMARY KEY(`site_id`, `bucket`, `policy_id`),
	FOREIGN KEY (`policy_id`) REFERENCES `sdwan_policies`(`policy_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sdwan_site_policy_stats_hour_bucket_idx` ON `sdwan_site_policy_stats_hour` (`bucket`);--> statement-breakpoint
CREATE INDEX `sdwan_site_policy_stats_hour_policy_idx` ON `sdwan_site_policy_stats_hour` (`policy_id`);--> statement-breakpoint
CREATE TABLE `sdwan_site_policy_stats_minute` (
	`site_id` text NOT NULL,
	`policy_id` integer NOT NULL,
	`bucket` integer NOT NULL,
	`packets` integer NOT NULL,
	`bytes` integer NOT NULL,
	PRIMARY KEY(`site_id`, `bucket`, `policy_id`),
	FOREIGN KEY (`policy_id`) REFERENCES `sdwan_policies`(`policy_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sdwan_site_policy_stats_minute_bucket_idx` ON `sdwan_site_policy_stats_minute` (`bucket`);--> statement-breakpoint
CREATE INDEX `sdwan_site_policy_stats_minute_policy_idx` ON `sdwan_site_policy_stats_minute` (`policy_id`);