DROP INDEX "proposals_share_token_idx";--> statement-breakpoint
ALTER TABLE "proposals" DROP COLUMN "share_token";