CREATE INDEX `calls_billsec_started_idx` ON `calls` (`bill_sec`,`started_at_ms`);--> statement-breakpoint
CREATE INDEX `calls_duration_started_idx` ON `calls` (`duration_sec`,`started_at_ms`);