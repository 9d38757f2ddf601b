-- A broad search by name walks the clients in name order and tests each one's search_text
-- (server/clients/list-query.ts, walkedPageQuery). With search_text in an index of that order the
-- walk is an index-only scan and leaves the heap alone: 5,660 clients in about 2 ms instead of 8
-- on the large seed. drizzle's index builder has no INCLUDE, hence a custom migration; the plain
-- (name, id) index stays for the list's pages, which it serves with a fifth of the pages.
CREATE INDEX "clients_name_search_idx" ON "clients" USING btree ("name", "id") INCLUDE ("search_text");
