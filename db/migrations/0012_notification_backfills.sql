-- Notifications written before client_id existed all open a proposal (`/proposals/<id>`): give
-- them that proposal's client, so record visibility applies to them too.
UPDATE "notifications" AS n
SET "client_id" = p."client_id"
FROM "proposals" AS p
WHERE n."client_id" IS NULL
  AND n."href" = '/proposals/' || p."id"::text;

-- Before email_status, a stamped emailed_at meant the e-mail was settled (sent, or skipped for a
-- deactivated user): those are not sent again. Unstamped ones stay pending for the dispatcher.
UPDATE "notifications" SET "email_status" = 'sent' WHERE "emailed_at" IS NOT NULL;
