-- E-mail subscriptions: the token of the confirmation link (double opt-in) and the token of the unsubscribe link every
-- mail carries. Both are kept as they are, since mails are written from them; each only confirms or ends its own
-- subscription, which the mailbox's holder may do anyway.
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS confirm_token text;
ALTER TABLE subscriptions ADD COLUMN IF NOT EXISTS unsubscribe_token text;
CREATE UNIQUE INDEX IF NOT EXISTS subscriptions_confirm_token ON subscriptions (confirm_token);
CREATE UNIQUE INDEX IF NOT EXISTS subscriptions_unsubscribe_token ON subscriptions (unsubscribe_token);
-- The unconfirmed subscriptions of an address, counted before another confirmation mail is sent to it.
CREATE INDEX IF NOT EXISTS subscriptions_unconfirmed ON subscriptions (lower(target)) WHERE status = 'pendingConfirmation';
