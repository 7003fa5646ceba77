CREATE TABLE `calls_daily_agent` (
	`day_ms` integer NOT NULL,
	`agent` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `calls_daily_agent_key_idx` ON `calls_daily_agent` (`day_ms`,`agent`,`direction`,`answered`);--> statement-breakpoint
CREATE TABLE `calls_daily_core` (
	`day_ms` integer NOT NULL,
	`hangup_cause` integer DEFAULT -1 NOT NULL,
	`hangup_direction` text DEFAULT '' NOT NULL,
	`direction` text DEFAULT '' NOT NULL,
	`call_method` integer DEFAULT -1 NOT NULL,
	`answered` integer NOT NULL,
	`billsec_bucket` integer NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_daily_core_key_idx` ON `calls_daily_core` (`day_ms`,`hangup_cause`,`hangup_direction`,`direction`,`call_method`,`answered`,`billsec_bucket`);--> statement-breakpoint
CREATE TABLE `calls_daily_ext` (
	`day_ms` integer NOT NULL,
	`extension` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `calls_daily_ext_key_idx` ON `calls_daily_ext` (`day_ms`,`extension`,`direction`,`answered`);--> statement-breakpoint
CREATE TABLE `calls_hourly` (
	`hour_ms` integer NOT NULL,
	`extension` text DEFAULT '' NOT NULL,
	`agent` text DEFAULT '' NOT NULL,
	`hangup_cause` integer DEFAULT -1 NOT NULL,
	`hangup_direction` text DEFAULT '' NOT NULL,
	`direction` text DEFAULT '' NOT NULL,
	`call_method` integer DEFAULT -1 NOT NULL,
	`answered` integer NOT NULL,
	`billsec_bucket` integer NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_hourly_key_idx` ON `calls_hourly` (`hour_ms`,`extension`,`agent`,`hangup_cause`,`hangup_direction`,`direction`,`call_method`,`answered`,`billsec_bucket`);--> statement-breakpoint
CREATE TABLE `calls_hourly_agent` (
	`hour_ms` integer NOT NULL,
	`agent` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `calls_hourly_agent_key_idx` ON `calls_hourly_agent` (`hour_ms`,`agent`,`direction`,`answered`);--> statement-breakpoint
CREATE TABLE `calls_hourly_core` (
	`hour_ms` integer NOT NULL,
	`hangup_cause` integer DEFAULT -1 NOT NULL,
	`hangup_direction` text DEFAULT '' NOT NULL,
	`direction` text DEFAULT '' NOT NULL,
	`call_method` integer DEFAULT -1 NOT NULL,
	`answered` integer NOT NULL,
	`billsec_bucket` integer NOT NULL,
	`calls` integer DEFAULT 0 NOT NULL,
	`answered_calls` integer DEFAULT 0 NOT NULL,
	`bill_sec` integer DEFAULT 0 NOT NULL,
	`answered_wait_ms` integer DEFAULT 0 NOT NULL,
	`answered_wait_n` integer DEFAULT 0 NOT NULL,
	`missed_wait_sec` integer DEFAULT 0 NOT NULL,
	`missed_wait_n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_hourly_core_key_idx` ON `calls_hourly_core` (`hour_ms`,`hangup_cause`,`hangup_direction`,`direction`,`call_method`,`answered`,`billsec_bucket`);--> statement-breakpoint
CREATE TABLE `calls_hourly_ext` (
	`hour_ms` integer NOT NULL,
	`extension` text DEFAULT '' NOT NULL,
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
CREATE UNIQUE INDEX `calls_hourly_ext_key_idx` ON `calls_hourly_ext` (`hour_ms`,`extension`,`direction`,`answered`);
--> statement-breakpoint
-- Back-fill from the calls already stored.
INSERT INTO calls_hourly_core (hour_ms, hangup_cause, hangup_direction, direction, call_method, answered, billsec_bucket, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(hangup_cause, -1), coalesce(hangup_direction, ''), coalesce(direction, ''), coalesce(call_method, -1), answered, case when bill_sec <= 0 then 0 when bill_sec <= 10 then 1 when bill_sec <= 30 then 2 when bill_sec <= 60 then 3 when bill_sec <= 120 then 4 when bill_sec <= 300 then 5 when bill_sec <= 600 then 6 when bill_sec <= 1800 then 7 else 8 end,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO calls_hourly_ext (hour_ms, extension, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(extension, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO calls_hourly_agent (hour_ms, agent, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(agent, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO calls_hourly (hour_ms, extension, agent, hangup_cause, hangup_direction, direction, call_method, answered, billsec_bucket, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(extension, ''), coalesce(agent, ''), coalesce(hangup_cause, -1), coalesce(hangup_direction, ''), coalesce(direction, ''), coalesce(call_method, -1), answered, case when bill_sec <= 0 then 0 when bill_sec <= 10 then 1 when bill_sec <= 30 then 2 when bill_sec <= 60 then 3 when bill_sec <= 120 then 4 when bill_sec <= 300 then 5 when bill_sec <= 600 then 6 when bill_sec <= 1800 then 7 else 8 end,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
INSERT INTO calls_daily_core (day_ms, hangup_cause, hangup_direction, direction, call_method, answered, billsec_bucket, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(hangup_cause, -1), coalesce(hangup_direction, ''), coalesce(direction, ''), coalesce(call_method, -1), answered, case when bill_sec <= 0 then 0 when bill_sec <= 10 then 1 when bill_sec <= 30 then 2 when bill_sec <= 60 then 3 when bill_sec <= 120 then 4 when bill_sec <= 300 then 5 when bill_sec <= 600 then 6 when bill_sec <= 1800 then 7 else 8 end,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
INSERT INTO calls_daily_ext (day_ms, extension, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(extension, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO calls_daily_agent (day_ms, agent, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(agent, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;
