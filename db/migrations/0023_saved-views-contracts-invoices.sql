ALTER TYPE "public"."saved_view_list" ADD VALUE 'contracts';--> statement-breakpoint
ALTER TYPE "public"."saved_view_list" ADD VALUE 'invoices';