-- The care card's payment code is redeemed once: the 5-minute window index of the last code accepted
-- (`POST /api/worker/care-card/orders/:id/pay-by-code`); a code of that window or an earlier one is
-- refused as used. NULL until the first scan.
ALTER TABLE care_cards ADD COLUMN code_used_window integer;
