DROP INDEX "deals_closed_idx";--> statement-breakpoint
DROP INDEX "proposal_reviews_created_idx";--> statement-breakpoint
DROP INDEX "proposals_sent_idx";--> statement-breakpoint
DROP INDEX "proposals_status_updated_idx";--> statement-breakpoint
DROP INDEX "proposals_updated_idx";--> statement-breakpoint
DROP INDEX "feedback_routed_at_idx";--> statement-breakpoint
DROP INDEX "contracts_signed_on_idx";--> statement-breakpoint
DROP INDEX "contracts_updated_idx";--> statement-breakpoint
DROP INDEX "contracts_status_updated_idx";--> statement-breakpoint
DROP INDEX "contracts_notice_deadline_idx";--> statement-breakpoint
DROP INDEX "invoices_created_idx";--> statement-breakpoint
DROP INDEX "invoices_status_created_idx";--> statement-breakpoint
DROP INDEX "invoices_issue_date_idx";--> statement-breakpoint
DROP INDEX "invoices_due_date_idx";--> statement-breakpoint
DROP INDEX "invoices_total_idx";--> statement-breakpoint
DROP INDEX "invoices_balance_idx";--> statement-breakpoint
CREATE INDEX "credit_notes_issue_date_idx" ON "credit_notes" USING btree ("issue_date","invoice_id","amount_cents");--> statement-breakpoint
CREATE INDEX "invoices_open_created_idx" ON "invoices" USING btree ("created_at" NULLS FIRST,"id","due_date","client_id") WHERE "invoices"."status" in ('issued', 'partially_paid', 'overdue');--> statement-breakpoint
CREATE INDEX "invoices_open_aging_idx" ON "invoices" USING btree ("client_id","currency","due_date","issue_date","total_cents","paid_cents","credited_cents","id") WHERE "invoices"."status" in ('issued', 'partially_paid', 'overdue');--> statement-breakpoint
CREATE INDEX "invoices_voided_idx" ON "invoices" USING btree ("voided_at") WHERE "invoices"."status" = 'void';--> statement-breakpoint
CREATE INDEX "invoices_issued_totals_idx" ON "invoices" USING btree ("issue_date","currency","total_cents","client_id") WHERE "invoices"."status" not in ('draft', 'void');--> statement-breakpoint
CREATE INDEX "payments_paid_on_idx" ON "payments" USING btree ("paid_on","invoice_id","amount_cents");--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("closed_at","stage","currency","amount_cents","created_at","owner_id","coordinator_id","client_id") WHERE "deals"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX "proposal_reviews_created_idx" ON "proposal_reviews" USING btree ("created_at","submitted_at","proposal_id");--> statement-breakpoint
CREATE INDEX "proposals_sent_idx" ON "proposals" USING btree ("sent_at","created_at","client_id") WHERE "proposals"."sent_at" is not null;--> statement-breakpoint
CREATE INDEX "proposals_status_updated_idx" ON "proposals" USING btree ("status","updated_at" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "proposals_updated_idx" ON "proposals" USING btree ("updated_at" NULLS FIRST,"id","client_id");--> statement-breakpoint
CREATE INDEX "feedback_routed_at_idx" ON "feedback" USING btree ("routed_at","acknowledge_due_at","acknowledged_at","client_id");--> statement-breakpoint
CREATE INDEX "contracts_signed_on_idx" ON "contracts" USING btree ("signed_on","currency","value_cents","client_id") WHERE "contracts"."signed_on" is not null;--> statement-breakpoint
CREATE INDEX "contracts_updated_idx" ON "contracts" USING btree ("updated_at" NULLS FIRST,"id","client_id");--> statement-breakpoint
CREATE INDEX "contracts_status_updated_idx" ON "contracts" USING btree ("status","updated_at" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "contracts_notice_deadline_idx" ON "contracts" USING btree ("notice_deadline" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "invoices_created_idx" ON "invoices" USING btree ("created_at" NULLS FIRST,"id","client_id");--> statement-breakpoint
CREATE INDEX "invoices_status_created_idx" ON "invoices" USING btree ("status","created_at" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "invoices_issue_date_idx" ON "invoices" USING btree ("issue_date" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "invoices_due_date_idx" ON "invoices" USING btree ("due_date" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "invoices_total_idx" ON "invoices" USING btree ("total_cents" NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "invoices_balance_idx" ON "invoices" USING btree ("balance_cents" NULLS FIRST,"id");