-- A person's calendar feed reads the meetings they organise from a day on in start order
-- (server/meetings/feed.ts, feedPage). In an index of that order, with what the feed's version
-- and visibility read, that is an index-only range: 2,000 meetings in under a millisecond on the
-- large seed, where walking every meeting by start time and testing its organiser took 8 ms.
-- drizzle's index builder has no INCLUDE, hence a custom migration.
CREATE INDEX "meetings_organizer_idx" ON "meetings" USING btree ("organizer_id", "starts_at", "id") INCLUDE ("updated_at", "client_id");
