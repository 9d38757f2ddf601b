CREATE TABLE "client_import_mappings" (
	"user_id" uuid NOT NULL,
	"header_hash" char(64) NOT NULL,
	"columns" jsonb NOT NULL,
	"values" jsonb NOT NULL,
	"append_unmapped" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_import_mappings_user_id_header_hash_pk" PRIMARY KEY("user_id","header_hash")
);
--> statement-breakpoint
ALTER TABLE "client_import_mappings" ADD CONSTRAINT "client_import_mappings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;