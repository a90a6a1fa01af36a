-- Issue 24 item 4, WeChat Pay for course fees: a payment is paid only on WeChat Pay's verified
-- notification or the server's order query, once per WeChat transaction id; a refund is asked
-- (status `refunding`, our refund number `out_refund_no`) and settled by its own notification or query.
ALTER TABLE yp_payments ADD COLUMN transaction_id text COLLATE "C";
ALTER TABLE yp_payments ADD COLUMN out_refund_no text COLLATE "C";
ALTER TABLE yp_payments ADD COLUMN refund_requested_at timestamptz;
CREATE UNIQUE INDEX yp_payments_by_out_trade_no ON yp_payments (out_trade_no);
CREATE UNIQUE INDEX yp_payments_by_transaction_id ON yp_payments (transaction_id);
CREATE UNIQUE INDEX yp_payments_by_out_refund_no ON yp_payments (out_refund_no);
