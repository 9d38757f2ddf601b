CREATE TABLE "proposal_view_totals" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "share_link_rate_limits" (
	"bucket" varchar(80) NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "share_link_rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
ALTER TABLE "proposal_views" ADD COLUMN "real_view" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "share_token_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "share_link_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proposal_view_totals" ADD CONSTRAINT "proposal_view_totals_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_link_rate_limits_window_idx" ON "share_link_rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_share_token_hash_idx" ON "proposals" USING btree ("share_token_hash");