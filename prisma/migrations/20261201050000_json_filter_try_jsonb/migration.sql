-- The json= filter of the list and of the wait endpoint reads bodies as JSON inside the query.
-- PostgreSQL 15 has no non-throwing cast (pg_input_is_valid is 16+), and one body that is not
-- JSON (or not UTF-8) must not fail a whole search: this answers NULL for it instead.
-- EXCEPTION WHEN OTHERS does not catch query_canceled, so statement_timeout still stops a search.
CREATE OR REPLACE FUNCTION webhook_echo_try_jsonb(body bytea) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN convert_from(body, 'UTF8')::jsonb;
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END;
$$;
