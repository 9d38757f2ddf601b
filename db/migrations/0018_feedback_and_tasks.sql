CREATE TYPE "public"."feedback_channel" AS ENUM('call', 'email', 'meeting', 'survey', 'other');--> statement-breakpoint
CREATE TYPE "public"."feedback_sentiment" AS ENUM('positive', 'neutral', 'negative');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('new', 'routed', 'acknowledged', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."task_link_kind" AS ENUM('client', 'deal', 'proposal', 'meeting', 'feedback');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done');--> statement-breakpoint
ALTER TYPE "public"."activity_kind" ADD VALUE 'feedback';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'feedback_routed';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'feedback_escalated';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'task_assigned';--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"contact_id" uuid,
	"meeting_id" uuid,
	"channel" "feedback_channel" NOT NULL,
	"sentiment" "feedback_sentiment" NOT NULL,
	"category" varchar(80),
	"body" text NOT NULL,
	"status" "feedback_status" DEFAULT 'new' NOT NULL,
	"logged_by_id" uuid,
	"routed_to_id" uuid,
	"routed_at" timestamp with time zone,
	"acknowledge_due_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"resolve_due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"resolution" text,
	"next_due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" varchar(200) NOT NULL,
	"due_at" timestamp with time zone,
	"assignee_id" uuid,
	"created_by_id" uuid,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"link_kind" "task_link_kind",
	"link_id" uuid,
	"client_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_logged_by_id_users_id_fk" FOREIGN KEY ("logged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_routed_to_id_users_id_fk" FOREIGN KEY ("routed_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_client_idx" ON "feedback" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "feedback_created_idx" ON "feedback" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "feedback_routed_to_idx" ON "feedback" USING btree ("routed_to_id","status","next_due_at");--> statement-breakpoint
CREATE INDEX "feedback_open_due_idx" ON "feedback" USING btree ("next_due_at","id") WHERE "feedback"."status" <> 'resolved';--> statement-breakpoint
CREATE INDEX "feedback_escalation_idx" ON "feedback" USING btree ("next_due_at") WHERE "feedback"."status" <> 'resolved' and "feedback"."escalated_at" is null;--> statement-breakpoint
CREATE INDEX "feedback_routed_at_idx" ON "feedback" USING btree ("routed_at");--> statement-breakpoint
CREATE INDEX "tasks_assignee_open_idx" ON "tasks" USING btree ("assignee_id","due_at","id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "tasks_link_idx" ON "tasks" USING btree ("link_kind","link_id");--> statement-breakpoint
CREATE INDEX "tasks_client_idx" ON "tasks" USING btree ("client_id");