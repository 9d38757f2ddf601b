CREATE TABLE "invoice_issued_days" (
	"currency" char(3) NOT NULL,
	"day" date NOT NULL,
	"invoices" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	CONSTRAINT "invoice_issued_days_currency_day_pk" PRIMARY KEY("currency","day")
);
--> statement-breakpoint
CREATE TABLE "invoice_open_balances" (
	"currency" char(3) NOT NULL,
	"due_date" date NOT NULL,
	"invoices" integer NOT NULL,
	"balance_cents" bigint NOT NULL,
	CONSTRAINT "invoice_open_balances_currency_due_date_pk" PRIMARY KEY("currency","due_date")
);
--> statement-breakpoint
CREATE INDEX "invoice_issued_days_empty_idx" ON "invoice_issued_days" USING btree ("currency","day") WHERE "invoice_issued_days"."invoices" = 0;--> statement-breakpoint
CREATE INDEX "invoice_open_balances_empty_idx" ON "invoice_open_balances" USING btree ("currency","due_date") WHERE "invoice_open_balances"."invoices" = 0;