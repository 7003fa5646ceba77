-- Who hung up, as a closed set beside the vendor's own value (lib/telephony/fields.ts toHangupSide).
ALTER TABLE `calls` ADD `hangup_side` text;--> statement-breakpoint
UPDATE `calls` SET `hangup_side` = CASE lower(trim(`hangup_direction`))
  WHEN '10040' THEN 'caller' WHEN 'caller' THEN 'caller'
  WHEN '10041' THEN 'callee' WHEN 'callee' THEN 'callee'
  WHEN '10015' THEN 'system'
  ELSE 'other' END
WHERE `hangup_direction` IS NOT NULL AND trim(`hangup_direction`) != '';--> statement-breakpoint
-- "000000" (predictive bills without an agent) and "" are no extension (toExtension).
UPDATE `calls` SET `extension` = NULL WHERE `extension` IS NOT NULL AND trim(`extension`, ' 0') = '';--> statement-breakpoint
UPDATE `extension_events` SET `extension` = NULL WHERE `extension` IS NOT NULL AND trim(`extension`, ' 0') = '';--> statement-breakpoint
-- The core rollups change their key: empty them before the new unique index, then rebuild every rollup below.
DELETE FROM `calls_daily_core`;--> statement-breakpoint
DELETE FROM `calls_hourly_core`;--> statement-breakpoint
DROP INDEX `calls_daily_core_key_idx`;--> statement-breakpoint
ALTER TABLE `calls_daily_core` ADD `hangup_side` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `calls_daily_core_key_idx` ON `calls_daily_core` (`day_ms`,`hangup_cause`,`hangup_side`,`direction`,`call_method`,`answered`,`billsec_bucket`);--> statement-breakpoint
ALTER TABLE `calls_daily_core` DROP COLUMN `hangup_direction`;--> statement-breakpoint
DROP INDEX `calls_hourly_core_key_idx`;--> statement-breakpoint
ALTER TABLE `calls_hourly_core` ADD `hangup_side` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `calls_hourly_core_key_idx` ON `calls_hourly_core` (`hour_ms`,`hangup_cause`,`hangup_side`,`direction`,`call_method`,`answered`,`billsec_bucket`);--> statement-breakpoint
ALTER TABLE `calls_hourly_core` DROP COLUMN `hangup_direction`;--> statement-breakpoint
-- Rebuilt from calls (lib/ingest/rollup.ts rebuildRollupsSql, as of this migration): sides and extensions changed.
DELETE FROM calls_hourly_totals;--> statement-breakpoint
INSERT INTO calls_hourly_totals (hour_ms, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3;--> statement-breakpoint
DELETE FROM calls_hourly_core;--> statement-breakpoint
INSERT INTO calls_hourly_core (hour_ms, hangup_cause, hangup_side, direction, call_method, answered, billsec_bucket, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(hangup_cause, -1), coalesce(hangup_side, ''), coalesce(direction, ''), coalesce(call_method, -1), answered, case when bill_sec <= 0 then 0 when bill_sec <= 10 then 1 when bill_sec <= 30 then 2 when bill_sec <= 60 then 3 when bill_sec <= 120 then 4 when bill_sec <= 300 then 5 when bill_sec <= 600 then 6 when bill_sec <= 1800 then 7 else 8 end,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7;--> statement-breakpoint
DELETE FROM calls_hourly_ext_totals;--> statement-breakpoint
INSERT INTO calls_hourly_ext_totals (hour_ms, extension, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(extension, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;--> statement-breakpoint
DELETE FROM calls_hourly_ext;--> statement-breakpoint
INSERT INTO calls_hourly_ext (hour_ms, extension, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(extension, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;--> statement-breakpoint
DELETE FROM calls_hourly_agent_totals;--> statement-breakpoint
INSERT INTO calls_hourly_agent_totals (hour_ms, agent, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(agent, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;--> statement-breakpoint
DELETE FROM calls_hourly_agent;--> statement-breakpoint
INSERT INTO calls_hourly_agent (hour_ms, agent, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 3600000 * 3600000, coalesce(agent, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;--> statement-breakpoint
DELETE FROM calls_daily_core;--> statement-breakpoint
INSERT INTO calls_daily_core (day_ms, hangup_cause, hangup_side, direction, call_method, answered, billsec_bucket, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(hangup_cause, -1), coalesce(hangup_side, ''), coalesce(direction, ''), coalesce(call_method, -1), answered, case when bill_sec <= 0 then 0 when bill_sec <= 10 then 1 when bill_sec <= 30 then 2 when bill_sec <= 60 then 3 when bill_sec <= 120 then 4 when bill_sec <= 300 then 5 when bill_sec <= 600 then 6 when bill_sec <= 1800 then 7 else 8 end,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4, 5, 6, 7;--> statement-breakpoint
DELETE FROM calls_daily_ext_totals;--> statement-breakpoint
INSERT INTO calls_daily_ext_totals (day_ms, extension, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(extension, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;--> statement-breakpoint
DELETE FROM calls_daily_ext;--> statement-breakpoint
INSERT INTO calls_daily_ext (day_ms, extension, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(extension, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;--> statement-breakpoint
DELETE FROM calls_daily_agent_totals;--> statement-breakpoint
INSERT INTO calls_daily_agent_totals (day_ms, agent, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(agent, ''),
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2;--> statement-breakpoint
DELETE FROM calls_daily_agent;--> statement-breakpoint
INSERT INTO calls_daily_agent (day_ms, agent, direction, answered, calls, answered_calls, bill_sec, answered_wait_ms, answered_wait_n, missed_wait_sec, missed_wait_n)
SELECT started_at_ms / 86400000 * 86400000, coalesce(agent, ''), coalesce(direction, ''), answered,
  count(*), coalesce(sum(answered), 0), coalesce(sum(bill_sec), 0), coalesce(sum(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end), 0), count(case when answered = 1 and answered_at_ms >= started_at_ms then answered_at_ms - started_at_ms end),
  coalesce(sum(case when answered = 0 then duration_sec end), 0), count(case when answered = 0 then duration_sec end)
FROM calls GROUP BY 1, 2, 3, 4;
