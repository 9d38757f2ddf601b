-- Before email_status, a stamped emailed_at meant the e-mail was settled (sent, or skipped for a
-- deactivated user): those are not sent again. Unstamped ones stay pending for the dispatcher.
UPDATE "notifications" SET "email_status" = 'sent' WHERE "emailed_at" IS NOT NULL;
