CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_checkpoints` (
	`source` text PRIMARY KEY NOT NULL,
	`done_until_ms` integer NOT NULL,
	`last_success_at_ms` integer,
	`updated_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`trigger` text NOT NULL,
	`from_ms` integer NOT NULL,
	`to_ms` integer NOT NULL,
	`started_at_ms` integer NOT NULL,
	`finished_at_ms` integer,
	`windows` integer DEFAULT 0 NOT NULL,
	`pages` integer DEFAULT 0 NOT NULL,
	`records` integer DEFAULT 0 NOT NULL,
	`records_new` integer DEFAULT 0 NOT NULL,
	`records_updated` integer DEFAULT 0 NOT NULL,
	`records_rejected` integer DEFAULT 0 NOT NULL,
	`retries` integer DEFAULT 0 NOT NULL,
	`outcome` text DEFAULT 'running' NOT NULL,
	`error_code` text,
	`error_text` text
);
--> statement-breakpoint
CREATE INDEX `sync_runs_source_started_idx` ON `sync_runs` (`source`,`started_at_ms`);--> statement-breakpoint
CREATE TABLE `sync_windows` (
	`source` text NOT NULL,
	`from_ms` integer NOT NULL,
	`to_ms` integer NOT NULL,
	`records` integer DEFAULT 0 NOT NULL,
	`pages` integer DEFAULT 0 NOT NULL,
	`done_at_ms` integer NOT NULL,
	`run_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_windows_source_from_idx` ON `sync_windows` (`source`,`from_ms`);--> statement-breakpoint
CREATE TABLE `vendor_tokens` (
	`name` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`obtained_at_ms` integer NOT NULL,
	`expires_at_ms` integer,
	`info` text
);
--> statement-breakpoint
ALTER TABLE `call_payloads` ADD `matched_by` text;--> statement-breakpoint
ALTER TABLE `calls` ADD `fingerprint` text;--> statement-breakpoint
CREATE INDEX `calls_fingerprint_idx` ON `calls` (`fingerprint`);