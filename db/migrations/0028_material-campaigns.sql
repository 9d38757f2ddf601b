ALTER TYPE "public"."report_key" ADD VALUE 'campaign-budget' BEFORE 'workload';--> statement-breakpoint
ALTER TABLE "materials" ADD COLUMN "campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "materials_campaign_idx" ON "materials" USING btree ("campaign_id","updated_at","id") WHERE "materials"."campaign_id" is not null;