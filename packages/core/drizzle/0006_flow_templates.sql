CREATE TABLE `flow_templates` (
	`exporter` text NOT NULL,
	`version` integer NOT NULL,
	`domain` integer NOT NULL,
	`template_id` integer NOT NULL,
	`options` integer NOT NULL,
	`scope_field_count` integer NOT NULL,
	`fields` text NOT NULL,
	`sampling_rate` real NOT NULL,
	`system_init_ms` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`exporter`, `version`, `domain`, `template_id`)
);
