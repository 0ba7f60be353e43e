-- Cached signature verdicts no longer keep the expected HMAC ("ownerDetail"): with a database
-- dump and the ability to send, it was a signing oracle. The owner's comparison is now computed
-- on demand from the body and the decrypted secret; drop what older versions stored.
UPDATE "deliveries" SET "signature" = "signature" - 'ownerDetail'
WHERE "signature" ? 'ownerDetail';
