CREATE TABLE "feedback_routed_days" (
	"day" date PRIMARY KEY NOT NULL,
	"routed" integer NOT NULL,
	"acknowledged_on_time" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_review_days" (
	"day" date NOT NULL,
	"hours" integer NOT NULL,
	"decided" integer NOT NULL,
	"review_seconds" numeric NOT NULL,
	CONSTRAINT "proposal_review_days_day_hours_pk" PRIMARY KEY("day","hours")
);
--> statement-breakpoint
CREATE TABLE "proposal_sent_days" (
	"day" date PRIMARY KEY NOT NULL,
	"sent" integer NOT NULL,
	"draft_to_sent_seconds" numeric NOT NULL
);
--> statement-breakpoint
CREATE INDEX "feedback_unacknowledged_due_idx" ON "feedback" USING btree ("acknowledge_due_at","routed_at") WHERE "feedback"."acknowledged_at" is null and "feedback"."routed_at" is not null and "feedback"."acknowledge_due_at" is not null;