-- clients.contact_text: the names and e-mails of the account's contacts, one per line, so a search
-- tests a client's contacts on its own row; in lower case, so it is tested with LIKE, several times
-- cheaper than ILIKE on long text. Statement triggers with transition tables keep it, so
-- an import or a seed of many contacts rewrites each client once, not once per contact.
CREATE FUNCTION clients_refresh_contact_text() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched uuid[];
BEGIN
  -- Each event has only its own transition tables, so each reads its own.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT client_id) INTO touched FROM new_contacts;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT client_id) INTO touched FROM old_contacts;
  ELSE
    SELECT array_agg(DISTINCT client_id) INTO touched
    FROM (SELECT client_id FROM new_contacts UNION SELECT client_id FROM old_contacts) moved;
  END IF;
  UPDATE clients SET contact_text = refreshed.text
  FROM (
    SELECT touched_client.id,
           coalesce((SELECT lower(string_agg(concat_ws(E'\n', contacts.name, contacts.email), E'\n' ORDER BY contacts.id))
                     FROM contacts WHERE contacts.client_id = touched_client.id), '') AS text
    FROM unnest(touched) AS touched_client(id)
  ) refreshed
  WHERE clients.id = refreshed.id AND clients.contact_text IS DISTINCT FROM refreshed.text;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_inserted_refresh_client AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION clients_refresh_contact_text();
--> statement-breakpoint
CREATE TRIGGER contacts_updated_refresh_client AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_contacts NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION clients_refresh_contact_text();
--> statement-breakpoint
CREATE TRIGGER contacts_deleted_refresh_client AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS old_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION clients_refresh_contact_text();
--> statement-breakpoint
UPDATE clients SET contact_text = gathered.text
FROM (
  SELECT client_id, lower(string_agg(concat_ws(E'\n', name, email), E'\n' ORDER BY id)) AS text
  FROM contacts GROUP BY client_id
) gathered
WHERE clients.id = gathered.client_id;
