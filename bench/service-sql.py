"""Prints, for psql, the import engine's own statements over every staged user of one
operation in one transaction: the duplicate pass, then the judgement and writes. The text is
that of the statement files the service loads (src/main/resources/sql/import), their includes
put in place as NamedSql does, so that the benchmark measures exactly what the service runs.
    python3 bench/service-sql.py OPERATION_ID"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).parent.parent
INCLUDE = re.compile(r"^\\set (\w+) `cat src/main/resources/(sql/[\w/.-]+\.sql)`\n", re.M)


def text(resource):
    """The statement file with its includes in place, as NamedSql.text reads it."""
    source = (ROOT / "src/main/resources" / resource).read_text()
    included = {m.group(1): text(m.group(2)).strip() for m in INCLUDE.finditer(source)}
    statement = INCLUDE.sub("", source)
    for name, part in included.items():
        statement = re.sub(r"(?<![:\w]):" + name + r"(?!\w)", lambda _: part, statement)
    return statement.strip()


operation = sys.argv[1]
batch = text("sql/import/import-batch.sql")
every_row = "ARRAY(SELECT id FROM import_data WHERE operation_id = :operation ORDER BY id)"
planned = re.compile(r"unnest\(CAST\(:rows AS bigint\[\]\), CAST\(:newIds AS text\[\]\)\)", re.S)
batch = planned.sub(
    "(SELECT id, substr(md5(random()::text), 1, 17) FROM import_data"
    " WHERE operation_id = :operation)", batch).replace("CAST(:rows AS bigint[])", every_row)
# The planner contract (src/main/resources/sql/PLANNER-CONTRACT.md), as PlannerContract applies it.
sql = "BEGIN;\nANALYZE import_data_%s;\n%s\nSET LOCAL enable_seqscan = off;\n%s\nCOMMIT;\n" % (
    operation, text("sql/import/mark-duplicates.sql"), batch)
# The benchmark imports as the administrator, who may give every role.
sql = sql.replace(":operation", "'%s'" % operation).replace(":ifUserExists", "'skip'") \
    .replace(":grantable", "ARRAY(SELECT name FROM roles)") \
    .replace(":runBy", "(SELECT user_id FROM user_roles WHERE role = 'admin' LIMIT 1)")
if re.search(r"(?<!:):[a-zA-Z]", re.sub(r"--[^\n]*", "", sql)):
    sys.exit("service-sql.py: a parameter of the statement files is not replaced; update this script")
print(sql)
