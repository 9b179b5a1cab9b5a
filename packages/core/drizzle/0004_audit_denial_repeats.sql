ALTER TABLE `audit_log` ADD `repeats` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `last_at` integer;--> statement-breakpoint
CREATE INDEX `audit_log_actor_action_idx` ON `audit_log` (`actor`,`action`);--> statement-breakpoint
-- Repeated denials coalesce into one row (audit/index.ts): the one update the log takes is raising a
-- denied row's repeats by one and moving its last_at forward; every other column stays as written.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN NOT (
  OLD.outcome = 'denied' AND NEW.repeats = OLD.repeats + 1 AND NEW.last_at IS NOT NULL AND NEW.last_at >= OLD.at
  AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor AND NEW.action IS OLD.action
  AND NEW.target IS OLD.target AND NEW.outcome IS OLD.outcome AND NEW.details IS OLD.details
)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only (only a denied row''s repeat count may grow)');
END;
