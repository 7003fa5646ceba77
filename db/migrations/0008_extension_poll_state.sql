ALTER TABLE `extension_polls` ADD `state` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `extension_polls` ADD `detail` text;--> statement-breakpoint
-- The poll is a cache refilled every EXTENSION_POLL_SECONDS: drop rows stored before state and detail existed.
DELETE FROM `extension_polls`;
