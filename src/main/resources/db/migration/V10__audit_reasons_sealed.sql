-- audit_log stays append-only, with one exception: the sealing of a reason written before V9.
--
-- V2's row trigger refused every UPDATE and DELETE, so the start-up sealing of V9 (TalkingStick.sealPlaintextAtRest)
-- could not reach audit_log: reasons written before V9 stayed in the clear. This replaces that row trigger with one
-- that still refuses every DELETE and every UPDATE except exactly this one (AuditLog.sealPlaintext):
--   - the plaintext reason goes from a value to NULL (V9's convention: sealed rows leave it NULL);
--   - reason_ciphertext, reason_nonce and reason_key_id all go from NULL to a value;
--   - every other column, present or added later, is unchanged (the row without those four columns, as jsonb).
-- So an entry's actor, action, member, group, details and time can never change, a sealed reason can never be
-- re-sealed, un-sealed or cleared, and no entry can be removed. The TRUNCATE trigger (V2) is unchanged.
--
-- The emptied plaintext column (audit_log.reason) is kept: deployments that have not started on V9/V10 yet still
-- hold plaintext there until their first start seals it.

CREATE FUNCTION audit_log_allows_only_sealing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.reason IS NOT NULL AND NEW.reason IS NULL
     AND OLD.reason_ciphertext IS NULL AND OLD.reason_nonce IS NULL AND OLD.reason_key_id IS NULL
     AND NEW.reason_ciphertext IS NOT NULL AND NEW.reason_nonce IS NOT NULL AND NEW.reason_key_id IS NOT NULL
     AND (to_jsonb(NEW) - 'reason' - 'reason_ciphertext' - 'reason_nonce' - 'reason_key_id')
       = (to_jsonb(OLD) - 'reason' - 'reason_ciphertext' - 'reason_nonce' - 'reason_key_id')
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (only the sealing of a reason written in the clear is allowed)';
END;
$$;

DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_allows_only_sealing();
