ALTER TABLE "clients" ADD COLUMN "contact_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "clients_contact_text_trgm_idx" ON "clients" USING gin ("contact_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_name_prefix_idx" ON "contacts" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_prefix_idx" ON "contacts" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "proposals_title_prefix_idx" ON "proposals" USING btree (lower("title") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contracts_title_prefix_idx" ON "contracts" USING btree (lower("title") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "materials_title_prefix_idx" ON "materials" USING btree (lower("title") text_pattern_ops);