CREATE TYPE "public"."material_kind" AS ENUM('presentation', 'video', 'demo', 'one_pager', 'case_study', 'sales_sheet');--> statement-breakpoint
CREATE TYPE "public"."material_status" AS ENUM('requested', 'in_progress', 'in_review', 'ready');--> statement-breakpoint
ALTER TYPE "public"."activity_kind" ADD VALUE 'material';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'material_assigned';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'material_review_requested';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'material_sent_back';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'material_approved';--> statement-breakpoint
ALTER TYPE "public"."saved_view_list" ADD VALUE 'materials';--> statement-breakpoint
ALTER TYPE "public"."document_record_kind" ADD VALUE 'material';--> statement-breakpoint
CREATE TABLE "material_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"from_status" "material_status",
	"to_status" "material_status" NOT NULL,
	"comment" text,
	"changed_by_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"deal_id" uuid,
	"kind" "material_kind" NOT NULL,
	"title" varchar(200) NOT NULL,
	"brief" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "material_status" DEFAULT 'requested' NOT NULL,
	"requested_by_id" uuid,
	"assignee_id" uuid,
	"due_date" date,
	"ready_at" timestamp with time zone,
	"approved_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_materials" (
	"meeting_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"attached_by_id" uuid,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_materials_meeting_id_material_id_pk" PRIMARY KEY("meeting_id","material_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_materials" (
	"proposal_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"attached_by_id" uuid,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_materials_proposal_id_material_id_pk" PRIMARY KEY("proposal_id","material_id")
);
--> statement-breakpoint
ALTER TABLE "material_status_changes" ADD CONSTRAINT "material_status_changes_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_status_changes" ADD CONSTRAINT "material_status_changes_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_materials" ADD CONSTRAINT "meeting_materials_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_materials" ADD CONSTRAINT "meeting_materials_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_materials" ADD CONSTRAINT "meeting_materials_attached_by_id_users_id_fk" FOREIGN KEY ("attached_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_materials" ADD CONSTRAINT "proposal_materials_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_materials" ADD CONSTRAINT "proposal_materials_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_materials" ADD CONSTRAINT "proposal_materials_attached_by_id_users_id_fk" FOREIGN KEY ("attached_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_status_changes_material_idx" ON "material_status_changes" USING btree ("material_id","changed_at");--> statement-breakpoint
CREATE INDEX "materials_updated_idx" ON "materials" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "materials_client_idx" ON "materials" USING btree ("client_id","updated_at");--> statement-breakpoint
CREATE INDEX "materials_deal_idx" ON "materials" USING btree ("deal_id") WHERE "materials"."deal_id" is not null;--> statement-breakpoint
CREATE INDEX "materials_assignee_due_idx" ON "materials" USING btree ("assignee_id","status","due_date");--> statement-breakpoint
CREATE INDEX "materials_status_due_idx" ON "materials" USING btree ("status","due_date","id");--> statement-breakpoint
CREATE INDEX "materials_ready_idx" ON "materials" USING btree ("ready_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "materials"."status" = 'ready';--> statement-breakpoint
CREATE INDEX "materials_tags_idx" ON "materials" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "materials_title_trgm_idx" ON "materials" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "materials_brief_trgm_idx" ON "materials" USING gin ("brief" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "meeting_materials_material_idx" ON "meeting_materials" USING btree ("material_id");--> statement-breakpoint
CREATE INDEX "proposal_materials_material_idx" ON "proposal_materials" USING btree ("material_id");