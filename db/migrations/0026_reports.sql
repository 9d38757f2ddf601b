CREATE TYPE "public"."report_format" AS ENUM('csv', 'pdf');--> statement-breakpoint
CREATE TYPE "public"."report_frequency" AS ENUM('weekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."report_key" AS ENUM('pipeline', 'bookings', 'win-rate', 'proposal-turnaround', 'feedback-sla', 'invoice-aging', 'workload');--> statement-breakpoint
CREATE TYPE "public"."report_scope" AS ENUM('team', 'book', 'own');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'report_filed';--> statement-breakpoint
ALTER TYPE "public"."document_record_kind" ADD VALUE 'report';--> statement-breakpoint
CREATE TABLE "report_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report" "report_key" NOT NULL,
	"format" "report_format" NOT NULL,
	"parameters" jsonb NOT NULL,
	"scope" "report_scope" NOT NULL,
	"scope_user_id" uuid,
	"run_by_id" uuid,
	"schedule_id" uuid,
	"document_id" uuid,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report" "report_key" NOT NULL,
	"format" "report_format" NOT NULL,
	"frequency" "report_frequency" NOT NULL,
	"parameters" jsonb NOT NULL,
	"recipient_ids" uuid[] NOT NULL,
	"created_by_id" uuid NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"last_run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "client_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_scope_user_id_users_id_fk" FOREIGN KEY ("scope_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_run_by_id_users_id_fk" FOREIGN KEY ("run_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_runs_report_idx" ON "report_runs" USING btree ("report","run_at");--> statement-breakpoint
CREATE INDEX "report_runs_scope_user_idx" ON "report_runs" USING btree ("scope_user_id","run_at");--> statement-breakpoint
CREATE INDEX "report_runs_schedule_idx" ON "report_runs" USING btree ("schedule_id");--> statement-breakpoint
CREATE INDEX "report_schedules_created_idx" ON "report_schedules" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "proposals_sent_idx" ON "proposals" USING btree ("sent_at") WHERE "proposals"."sent_at" is not null;--> statement-breakpoint
CREATE INDEX "contracts_signed_on_idx" ON "contracts" USING btree ("signed_on") WHERE "contracts"."signed_on" is not null;