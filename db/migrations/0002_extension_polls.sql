CREATE TABLE `extension_polls` (
	`extension` text PRIMARY KEY NOT NULL,
	`status_code` integer NOT NULL,
	`registered` integer NOT NULL,
	`direction` text,
	`other_number` text,
	`since_ms` integer,
	`polled_at_ms` integer NOT NULL
);
