-- Fragment (included by report.sql and predict.sql): a staged user as import.report and
-- import.validate show it, never with a password, with the existing user it matched, if any.
json_build_object('username', data->'username', 'emails', data->'emails',
                  'importIds', data->'importIds', 'status', outcome, 'reason', reason,
                  'matched', CASE WHEN matched_user_id IS NOT NULL THEN
                      json_build_object('_id', matched_user_id, 'username', matched_username) END)
