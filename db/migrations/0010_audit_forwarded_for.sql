ALTER TABLE "audit_log" ADD COLUMN "forwarded_for" varchar(255);--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "forwarded_for" varchar(255);