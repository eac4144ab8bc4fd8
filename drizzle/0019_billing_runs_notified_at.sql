ALTER TABLE "billing_runs" ADD COLUMN "notified_at" timestamp with time zone;--> statement-breakpoint
-- Runs completed before residents were told of new bills: nothing to announce for them.
UPDATE "billing_runs" SET "notified_at" = "finished_at" WHERE "status" = 'completed';
