-- E-mail subscriptions: the token of the confirmation link (double opt-in) and the token of the unsubscribe link every
-- mail carries. Both are kept as they are, since mails are written from them; each only confirms or ends its own
-- subscription, which the mailbox's holder may do anyway.
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS confirm_token text;
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS unsubscribe_token text;
CREATE UNIQUE INDEX IF NOT EXISTS subscriptions_confirm_token ON subscriptions (confirm_token);
CREATE UNIQUE INDEX IF NOT EXISTS subscriptions_unsubscribe_token ON subscriptions (unsubscribe_token);
-- Every confirmation mail asked for, by address: an address is sent a few a day, whoever asks and whatever became of
-- the subscriptions that asked (deleting them does not reset the count).
CREATE TABLE IF NOT EXISTS confirmation_requests (
    address       text NOT NULL,
    requested_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS confirmation_requests_by_address ON confirmation_requests (lower(address), requested_at);
