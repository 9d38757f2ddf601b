DROP INDEX "clients_contact_text_trgm_idx";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name) || E'\n' || coalesce(lower(website), '') || E'\n' || contact_text) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "clients_owner_id_idx" ON "clients" USING btree ("owner_id","id");--> statement-breakpoint
CREATE INDEX "clients_coordinator_id_idx" ON "clients" USING btree ("coordinator_id","id");--> statement-breakpoint
CREATE INDEX "clients_search_text_trgm_idx" ON "clients" USING gin ("search_text" gin_trgm_ops);