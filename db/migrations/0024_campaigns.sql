CREATE TYPE "public"."budget_entry_kind" AS ENUM('committed', 'spent');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('planned', 'running', 'done', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."activity_kind" ADD VALUE 'campaign';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'campaign_budget';--> statement-breakpoint
ALTER TYPE "public"."saved_view_list" ADD VALUE 'campaigns';--> statement-breakpoint
ALTER TYPE "public"."document_record_kind" ADD VALUE 'campaign';--> statement-breakpoint
CREATE TABLE "budget_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "budget_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" uuid NOT NULL,
	"kind" "budget_entry_kind" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"entry_date" date NOT NULL,
	"supplier" varchar(200),
	"note" text,
	"document_id" uuid,
	"invoice_line_id" bigint,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_entries_amount_positive" CHECK ("budget_entries"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "campaign_deals" (
	"campaign_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_deals_campaign_id_deal_id_pk" PRIMARY KEY("campaign_id","deal_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_meetings" (
	"campaign_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_meetings_campaign_id_meeting_id_pk" PRIMARY KEY("campaign_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"name" varchar(200) NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"status" "campaign_status" DEFAULT 'planned' NOT NULL,
	"owner_id" uuid,
	"coordinator_id" uuid,
	"currency" char(3) NOT NULL,
	"budget_planned_cents" bigint DEFAULT 0 NOT NULL,
	"committed_cents" bigint DEFAULT 0 NOT NULL,
	"spent_cents" bigint DEFAULT 0 NOT NULL,
	"remaining_cents" bigint GENERATED ALWAYS AS (budget_planned_cents - committed_cents - spent_cents) STORED,
	"budget_alert_level" smallint DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_planned_not_negative" CHECK ("campaigns"."budget_planned_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_invoice_line_id_invoice_lines_id_fk" FOREIGN KEY ("invoice_line_id") REFERENCES "public"."invoice_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deals" ADD CONSTRAINT "campaign_deals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deals" ADD CONSTRAINT "campaign_deals_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_deals" ADD CONSTRAINT "campaign_deals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_meetings" ADD CONSTRAINT "campaign_meetings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_meetings" ADD CONSTRAINT "campaign_meetings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_meetings" ADD CONSTRAINT "campaign_meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_coordinator_id_users_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_entries_campaign_idx" ON "budget_entries" USING btree ("campaign_id","entry_date","id");--> statement-breakpoint
CREATE INDEX "budget_entries_document_idx" ON "budget_entries" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "budget_entries_invoice_line_idx" ON "budget_entries" USING btree ("invoice_line_id");--> statement-breakpoint
CREATE INDEX "campaign_deals_deal_idx" ON "campaign_deals" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "campaign_meetings_meeting_idx" ON "campaign_meetings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "campaigns_client_idx" ON "campaigns" USING btree ("client_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_updated_idx" ON "campaigns" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_status_updated_idx" ON "campaigns" USING btree ("status","updated_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_owner_idx" ON "campaigns" USING btree ("owner_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_coordinator_idx" ON "campaigns" USING btree ("coordinator_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "campaigns_name_idx" ON "campaigns" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "campaigns_start_date_idx" ON "campaigns" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "campaigns_end_date_idx" ON "campaigns" USING btree ("end_date","id");--> statement-breakpoint
CREATE INDEX "campaigns_planned_idx" ON "campaigns" USING btree ("budget_planned_cents","id");--> statement-breakpoint
CREATE INDEX "campaigns_committed_idx" ON "campaigns" USING btree ("committed_cents","id");--> statement-breakpoint
CREATE INDEX "campaigns_spent_idx" ON "campaigns" USING btree ("spent_cents","id");--> statement-breakpoint
CREATE INDEX "campaigns_remaining_idx" ON "campaigns" USING btree ("remaining_cents","id");--> statement-breakpoint
CREATE INDEX "campaigns_name_trgm_idx" ON "campaigns" USING gin ("name" gin_trgm_ops);