CREATE TABLE `account` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`user_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_user_idx` ON `account` (`user_id`);--> statement-breakpoint
CREATE TABLE `call_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`call_id` integer NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `call_keys_call_idx` ON `call_keys` (`call_id`);--> statement-breakpoint
CREATE TABLE `call_payloads` (
	`call_id` integer NOT NULL,
	`source` text NOT NULL,
	`payload` text NOT NULL,
	`inbox_id` integer,
	`received_at_ms` integer NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `call_payloads_call_source_idx` ON `call_payloads` (`call_id`,`source`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vendor_system` text,
	`vendor_id` integer,
	`cdrs_id` integer,
	`uuid` text,
	`direction` text,
	`call_method` integer,
	`started_at_ms` integer NOT NULL,
	`answered_at_ms` integer,
	`ended_at_ms` integer,
	`duration_sec` integer,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`extension` text,
	`agent` text,
	`display_number` text,
	`dest_number` text,
	`member_id` text,
	`customer_id` text,
	`chengshudu` text,
	`user_key` text,
	`company_code` text,
	`task_id` text,
	`round` integer,
	`hangup_cause` integer,
	`hangup_direction` text,
	`download_ip` text,
	`record_filename` text,
	`record_url` text,
	`a_number` text,
	`a_started_at_ms` integer,
	`a_answered_at_ms` integer,
	`a_ended_at_ms` integer,
	`a_duration_sec` integer,
	`a_bill_sec` integer,
	`client_ip` text,
	`sources` integer DEFAULT 0 NOT NULL,
	`first_seen_at_ms` integer NOT NULL,
	`last_seen_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `calls_started_idx` ON `calls` (`started_at_ms`,`id`);--> statement-breakpoint
CREATE INDEX `calls_ext_started_idx` ON `calls` (`extension`,`started_at_ms`);--> statement-breakpoint
CREATE INDEX `calls_agent_started_idx` ON `calls` (`agent`,`started_at_ms`);--> statement-breakpoint
CREATE INDEX `calls_cause_started_idx` ON `calls` (`hangup_cause`,`started_at_ms`);--> statement-breakpoint
CREATE INDEX `calls_dest_idx` ON `calls` (`dest_number`);--> statement-breakpoint
CREATE INDEX `calls_display_idx` ON `calls` (`display_number`);--> statement-breakpoint
CREATE INDEX `calls_uuid_idx` ON `calls` (`uuid`);--> statement-breakpoint
CREATE TABLE `extension_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uuid` text NOT NULL,
	`buuid` text,
	`extension` text,
	`caller` text,
	`callee` text,
	`display_number` text,
	`direction` text,
	`method` integer,
	`status` text NOT NULL,
	`event_at_ms` integer NOT NULL,
	`company_code` text,
	`is_b_leg` integer,
	`inbox_id` integer,
	`received_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `extension_events_identity_idx` ON `extension_events` (`uuid`,`status`,`extension`);--> statement-breakpoint
CREATE INDEX `extension_events_ext_time_idx` ON `extension_events` (`extension`,`event_at_ms`);--> statement-breakpoint
CREATE INDEX `extension_events_time_idx` ON `extension_events` (`event_at_ms`);--> statement-breakpoint
CREATE TABLE `inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at_ms` integer NOT NULL,
	`endpoint` text NOT NULL,
	`content_type` text,
	`remote_addr` text,
	`body` blob NOT NULL,
	`outcome` text DEFAULT 'received' NOT NULL,
	`error_field` text,
	`error_text` text,
	`call_id` integer,
	`event_id` integer,
	`attempts` integer DEFAULT 1 NOT NULL,
	`processed_at_ms` integer
);
--> statement-breakpoint
CREATE INDEX `inbox_outcome_idx` ON `inbox` (`outcome`,`received_at_ms`);--> statement-breakpoint
CREATE INDEX `inbox_received_idx` ON `inbox` (`received_at_ms`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`token` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`user_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_token_unique` ON `session` (`token`);--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'supervisor' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `verification` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer,
	`updated_at` integer
);
--> statement-breakpoint
CREATE INDEX `verification_identifier_idx` ON `verification` (`identifier`);