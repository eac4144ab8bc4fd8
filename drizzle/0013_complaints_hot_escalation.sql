DROP INDEX "complaints_first_response_pending_idx";--> statement-breakpoint
DROP INDEX "complaints_answer_pending_idx";--> statement-breakpoint
CREATE INDEX "complaints_first_response_pending_idx" ON "complaints" USING btree ("first_response_due_at") WHERE "complaints"."first_responded_at" is null and "complaints"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "complaints_answer_pending_idx" ON "complaints" USING btree ("answer_due_at") WHERE "complaints"."status" <> 'closed';--> statement-breakpoint
-- Room on each page for the escalation job's new row versions, so escalating a backlog is a HOT
-- update (no index entries) instead of nine index inserts per case (ADR 014). Applies to pages
-- written from now on; an existing large table needs a rewrite (VACUUM FULL) to get the room.
ALTER TABLE "complaints" SET (fillfactor = 50);
