CREATE TYPE "public"."notification_email_status" AS ENUM('pending', 'queued', 'sent', 'skipped', 'failed');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'review_reassigned';--> statement-breakpoint
DROP INDEX "notifications_unemailed_idx";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_status" "notification_email_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_job_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_error" varchar(500);--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_email_pending_idx" ON "notifications" USING btree ("id") WHERE "notifications"."email_status" = 'pending';--> statement-breakpoint
CREATE INDEX "notifications_email_failed_idx" ON "notifications" USING btree ("emailed_at" DESC NULLS LAST) WHERE "notifications"."email_status" = 'failed';--> statement-breakpoint
CREATE INDEX "notifications_client_idx" ON "notifications" USING btree ("client_id");