"""Prints, for psql, the import engine's own statements over every staged user of one
operation in one transaction: the duplicate pass, then the judgement and writes. The text is
taken from UserImport.java, so that the benchmark measures exactly what the service runs.
    python3 bench/service-sql.py OPERATION_ID"""
import pathlib
import re
import sys

operation = sys.argv[1]
source = (pathlib.Path(__file__).parent.parent
          / "src/main/java/dev/importer/operations/control/UserImport.java").read_text()


def text_block(name):
    return re.search(name + r' = """(.*?)""";', source, re.S).group(1)


duplicates = text_block("String DUPLICATES")
judged = text_block("String JUDGED")
batch = re.search(r'NamedSql IMPORT_BATCH = NamedSql.of\("""(.*?)""" \+ JUDGED \+ """(.*?)"""\);', source, re.S)
statement = batch.group(1) + judged + batch.group(2)
every_row = "ARRAY(SELECT id FROM import_data WHERE operation_id = :operation ORDER BY id)"
planned = re.compile(r"unnest\(CAST\(:rows AS bigint\[\]\).*?CAST\(:passwordAlgorithms AS text\[\]\)\)", re.S)
statement = planned.sub(
    "(SELECT id, substr(md5(random()::text), 1, 17), NULL::text, NULL::text FROM import_data"
    " WHERE operation_id = :operation)", statement).replace("CAST(:rows AS bigint[])", every_row)
mark = "UPDATE import_data SET duplicate_in_import = true WHERE operation_id = :operation AND id IN (" \
    + duplicates + ")"
sql = "BEGIN;\nANALYZE import_data_%s;\n%s;\nSET LOCAL enable_seqscan = off;\n%s;\nCOMMIT;\n" % (
    operation, mark, statement)
# The benchmark imports as the administrator, who may give every role.
sql = sql.replace(":operation", "'%s'" % operation).replace(":ifUserExists", "'skip'") \
    .replace(":grantable", "ARRAY(SELECT name FROM roles)")
if re.search(r":[a-zA-Z]", sql.replace("::", "")):
    sys.exit("service-sql.py: a parameter of UserImport.java is not replaced; update this script")
print(sql)
