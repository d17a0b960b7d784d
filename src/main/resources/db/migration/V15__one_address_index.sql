-- One index where there were two on an address, ignoring case: unique (an address is one
-- user's, in any letter case) and with text_pattern_ops, which serves the equality lookups of
-- login and import as well as users.list's prefix search. Every stored address paid for both.
CREATE UNIQUE INDEX user_emails_unique_address_prefix ON user_emails (lower(address) text_pattern_ops);
DROP INDEX user_emails_unique_address;
DROP INDEX user_emails_by_address_prefix;
