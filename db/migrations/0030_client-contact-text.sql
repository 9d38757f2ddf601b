ALTER TABLE "clients" ADD COLUMN "contact_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "clients_contact_text_trgm_idx" ON "clients" USING gin ("contact_text" gin_trgm_ops);