-- Sets aside, once per run, the staged users that repeat an earlier one (UserImport#markDuplicates).
-- psql, from the project folder: \set operation '''<operation id>''' then \i this file.
\set duplicates `cat src/main/resources/sql/import/duplicates.sql`
UPDATE import_data SET duplicate_in_import = true
WHERE operation_id = :operation AND id IN (
:duplicates
)
;
