-- Number search (lib/queries/call-where.ts): a trigram index over the display, destination and A-side numbers of
-- every call, so that a search finds its calls without reading the whole time range. Contentless (the numbers stay
-- in calls; the search re-checks them there), rowid = calls.id, kept in step by the triggers below.
CREATE VIRTUAL TABLE `calls_numbers` USING fts5(numbers, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO `calls_numbers` (rowid, numbers) SELECT id, concat_ws(' ', display_number, dest_number, a_number) FROM `calls`;
--> statement-breakpoint
CREATE TRIGGER `calls_numbers_insert` AFTER INSERT ON `calls` BEGIN
  INSERT INTO `calls_numbers` (rowid, numbers) VALUES (new.id, concat_ws(' ', new.display_number, new.dest_number, new.a_number));
END;
--> statement-breakpoint
CREATE TRIGGER `calls_numbers_update` AFTER UPDATE OF display_number, dest_number, a_number ON `calls`
WHEN old.display_number IS NOT new.display_number OR old.dest_number IS NOT new.dest_number OR old.a_number IS NOT new.a_number
BEGIN
  DELETE FROM `calls_numbers` WHERE rowid = old.id;
  INSERT INTO `calls_numbers` (rowid, numbers) VALUES (new.id, concat_ws(' ', new.display_number, new.dest_number, new.a_number));
END;
--> statement-breakpoint
CREATE TRIGGER `calls_numbers_delete` AFTER DELETE ON `calls` BEGIN
  DELETE FROM `calls_numbers` WHERE rowid = old.id;
END;
