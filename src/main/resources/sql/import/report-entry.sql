-- Fragment (included by report.sql and predict.sql): a staged user as import.report and
-- import.validate show it, never with a password.
json_build_object('username', data->'username', 'emails', data->'emails',
                  'importIds', data->'importIds', 'status', outcome, 'reason', reason)
