-- The member a webhook delivery names, so that it is checked again when it is sent: a
-- member who has since asked to be treated as at risk, or left, is never sent out.
ALTER TABLE webhook_deliveries ADD COLUMN member_id BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE webhook_deliveries ADD COLUMN names_member BOOLEAN NOT NULL DEFAULT FALSE;
