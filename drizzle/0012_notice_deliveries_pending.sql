ALTER TABLE "notice_deliveries" ALTER COLUMN "delivered_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ALTER COLUMN "delivered_at" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "notice_deliveries_pending_idx" ON "notice_deliveries" USING btree ("notice_id","user_id") WHERE "notice_deliveries"."delivered_at" is null;