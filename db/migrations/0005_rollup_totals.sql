CREATE TABLE `calls_daily_agent_totals` (
	`day_ms` integer NOT NULL,
	`agent` text DEFAULT '' NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_daily_agent_totals_key_idx` ON `calls_daily_agent_totals` (`day_ms`,`agent`);--> statement-breakpoint
CREATE TABLE `calls_daily_ext_totals` (
	`day_ms` integer NOT NULL,
	`extension` text DEFAULT '' NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_daily_ext_totals_key_idx` ON `calls_daily_ext_totals` (`day_ms`,`extension`);--> statement-breakpoint
CREATE TABLE `calls_hourly_agent_totals` (
	`hour_ms` integer NOT NULL,
	`agent` text DEFAULT '' NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_hourly_agent_totals_key_idx` ON `calls_hourly_agent_totals` (`hour_ms`,`agent`);--> statement-breakpoint
CREATE TABLE `calls_hourly_ext_totals` (
	`hour_ms` integer NOT NULL,
	`extension` text DEFAULT '' NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_hourly_ext_totals_key_idx` ON `calls_hourly_ext_totals` (`hour_ms`,`extension`);--> statement-breakpoint
CREATE TABLE `calls_hourly_totals` (
	`hour_ms` integer NOT NULL,
	`direction` text DEFAULT '' NOT NULL,
	`answered` integer NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_hourly_totals_key_idx` ON `calls_hourly_totals` (`hour_ms`,`direction`,`answered`);--> statement-breakpoint
DROP TABLE `calls_hourly`;--> statement-breakpoint
-- Back-fill the new rollups from the calls already stored (lib/ingest/rollup.ts rebuildRollupsSql, verbatim).
INSERT INTO calls_hourly_totals (hour_ms, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO calls_hourly_ext_totals (hour_ms, extension, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(extension, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO calls_hourly_agent_totals (hour_ms, agent, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(agent, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO calls_daily_ext_totals (day_ms, extension, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(extension, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO calls_daily_agent_totals (day_ms, agent, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(agent, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;
