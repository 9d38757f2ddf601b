-- Share links are stored as the SHA-256 (hex) of their secret, as Node's createHash('sha256')
-- computes it over the UTF-8 text, so every link already given to a client keeps working.
UPDATE "proposals"
SET "share_token_hash" = encode(sha256(convert_to("share_token", 'UTF8')), 'hex'),
    "share_link_created_at" = coalesce("sent_at", "updated_at")
WHERE "share_token" IS NOT NULL;
--> statement-breakpoint
-- Views recorded before the page reported back from the browser were all counted as views.
UPDATE "proposal_views" SET "real_view" = true;
--> statement-breakpoint
INSERT INTO "proposal_view_totals" ("proposal_id", "requests", "views", "last_viewed_at")
SELECT "proposal_id", count(*), count(*), max("viewed_at")
FROM "proposal_views"
GROUP BY "proposal_id";
