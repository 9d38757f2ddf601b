CREATE TABLE "invoice_status_totals" (
	"currency" char(3) NOT NULL,
	"status" "invoice_status" NOT NULL,
	"invoices" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"balance_cents" bigint NOT NULL,
	CONSTRAINT "invoice_status_totals_currency_status_pk" PRIMARY KEY("currency","status")
);
