ALTER TABLE "report_runs" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
-- Runs completed before residents were told of their reports: nothing to announce for them.
UPDATE "report_runs" SET "notified_at" = "finished_at" WHERE "status" = 'completed';
