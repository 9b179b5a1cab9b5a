CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`outcome` text NOT NULL,
	`details` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target`);--> statement-breakpoint
CREATE TABLE `sdwan_endpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`address` text NOT NULL,
	`port` integer NOT NULL,
	`interface_kind` text NOT NULL,
	`cost_per_gb` real DEFAULT 0 NOT NULL,
	`reachable` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sdwan_sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sdwan_endpoints_port_range" CHECK("sdwan_endpoints"."port" BETWEEN 1 AND 65535)
);
--> statement-breakpoint
CREATE INDEX `sdwan_endpoints_site_idx` ON `sdwan_endpoints` (`site_id`);--> statement-breakpoint
CREATE TABLE `sdwan_path_metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path_id` integer NOT NULL,
	`timestamp` integer NOT NULL,
	`latency_ms` real NOT NULL,
	`jitter_ms` real NOT NULL,
	`packet_loss_pct` real NOT NULL,
	`bandwidth_mbps` real NOT NULL,
	`mtu` integer NOT NULL,
	`score` integer NOT NULL,
	FOREIGN KEY (`path_id`) REFERENCES `sdwan_paths`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sdwan_path_metrics_score_range" CHECK("sdwan_path_metrics"."score" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE INDEX `sdwan_path_metrics_path_time_idx` ON `sdwan_path_metrics` (`path_id`,`timestamp`);--> statement-breakpoint
CREATE TABLE `sdwan_paths` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_endpoint_id` integer NOT NULL,
	`destination_endpoint_id` integer NOT NULL,
	`status` text DEFAULT 'up' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`source_endpoint_id`) REFERENCES `sdwan_endpoints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`destination_endpoint_id`) REFERENCES `sdwan_endpoints`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sdwan_paths_not_loop" CHECK("sdwan_paths"."source_endpoint_id" <> "sdwan_paths"."destination_endpoint_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sdwan_paths_endpoints_unique` ON `sdwan_paths` (`source_endpoint_id`,`destination_endpoint_id`);--> statement-breakpoint
CREATE INDEX `sdwan_paths_destination_idx` ON `sdwan_paths` (`destination_endpoint_id`);--> statement-breakpoint
CREATE TABLE `sdwan_policies` (
	`policy_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`priority` integer NOT NULL,
	`match_rules` text DEFAULT '{}' NOT NULL,
	`path_preference` text DEFAULT 'lowest_latency' NOT NULL,
	`pinned_path_id` integer,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`pinned_path_id`) REFERENCES `sdwan_paths`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sdwan_policies_priority_range" CHECK("sdwan_policies"."priority" BETWEEN 0 AND 1000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sdwan_policies_name_unique` ON `sdwan_policies` (`name`);--> statement-breakpoint
CREATE INDEX `sdwan_policies_pinned_path_idx` ON `sdwan_policies` (`pinned_path_id`);--> statement-breakpoint
CREATE TABLE `sdwan_policy_stats` (
	`stat_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`policy_id` integer NOT NULL,
	`timestamp` integer NOT NULL,
	`packets_matched` integer NOT NULL,
	`bytes_matched` integer NOT NULL,
	`active_flows` integer NOT NULL,
	FOREIGN KEY (`policy_id`) REFERENCES `sdwan_policies`(`policy_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sdwan_policy_stats_policy_time_idx` ON `sdwan_policy_stats` (`policy_id`,`timestamp`);--> statement-breakpoint
CREATE TABLE `sdwan_sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sdwan_sites_name_unique` ON `sdwan_sites` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'viewer' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);