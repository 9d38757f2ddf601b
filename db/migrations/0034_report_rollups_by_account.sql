ALTER TABLE "proposal_review_days" DROP CONSTRAINT "proposal_review_days_day_hours_pk";--> statement-breakpoint
ALTER TABLE "feedback_routed_days" DROP CONSTRAINT "feedback_routed_days_pkey";--> statement-breakpoint
ALTER TABLE "proposal_sent_days" DROP CONSTRAINT "proposal_sent_days_pkey";--> statement-breakpoint
ALTER TABLE "feedback_routed_days" ALTER COLUMN "day" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "proposal_review_days" ALTER COLUMN "day" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "proposal_sent_days" ALTER COLUMN "day" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_routed_days" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_routed_days" ADD COLUMN "coordinator_id" uuid;--> statement-breakpoint
ALTER TABLE "proposal_review_days" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "proposal_review_days" ADD COLUMN "coordinator_id" uuid;--> statement-breakpoint
ALTER TABLE "proposal_sent_days" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "proposal_sent_days" ADD COLUMN "coordinator_id" uuid;--> statement-breakpoint
CREATE INDEX "feedback_routed_days_owner_idx" ON "feedback_routed_days" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "feedback_routed_days_coordinator_idx" ON "feedback_routed_days" USING btree ("coordinator_id","day");--> statement-breakpoint
CREATE INDEX "proposal_review_days_owner_idx" ON "proposal_review_days" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "proposal_review_days_coordinator_idx" ON "proposal_review_days" USING btree ("coordinator_id","day");--> statement-breakpoint
CREATE INDEX "proposal_sent_days_owner_idx" ON "proposal_sent_days" USING btree ("owner_id","day");--> statement-breakpoint
CREATE INDEX "proposal_sent_days_coordinator_idx" ON "proposal_sent_days" USING btree ("coordinator_id","day");--> statement-breakpoint
ALTER TABLE "feedback_routed_days" ADD CONSTRAINT "feedback_routed_days_key" UNIQUE NULLS NOT DISTINCT("day","owner_id","coordinator_id");--> statement-breakpoint
ALTER TABLE "proposal_review_days" ADD CONSTRAINT "proposal_review_days_key" UNIQUE NULLS NOT DISTINCT("day","owner_id","coordinator_id","hours");--> statement-breakpoint
ALTER TABLE "proposal_sent_days" ADD CONSTRAINT "proposal_sent_days_key" UNIQUE NULLS NOT DISTINCT("day","owner_id","coordinator_id");