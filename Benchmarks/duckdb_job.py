#!/usr/bin/env python3
"""The peer: copilot-prep's flattening job written in DuckDB, the way a DuckDB user would.

    duckdb_job.py [--memory-limit 4GB] [--threads 2] [--temp-dir DIR] OUT_FOLDER AUDIT.csv [AUDIT.csv ...]

Reads Purview audit exports of any layout the sample generator writes: current
(`RecordId,...,Operation,UserId,AuditData,...`) and classic (`CreationDate,UserIds,Operations,
AuditData`), UTF-8 with or without BOM or UTF-16LE with BOM, delimited by comma, semicolon or
tab (sniffed per file from the BOM and the header line; DuckDB's own limits apply, e.g. a row of
at most 2 MB unless max_line_size is raised). Then, with copilot-prep's definitions:

- keeps rows whose Operation (classic: Operations) is CopilotInteraction, ignoring case and
  surrounding blanks (an empty cell: AuditData's Operation decides);
- drops rows whose AuditData is not valid JSON or has no CreationTime (they claim no record id);
- de-duplicates by record id (RecordId, else AuditData Id; GUIDs compared ignoring case), the
  copy in the earliest file given winning;
- writes interactions.csv, messages.csv and resources.csv (copilot-prep's tables/ columns) into
  OUT_FOLDER;
- prints on stdout one JSON line: records, prompts (distinct ThreadId + message Id with isPrompt
  true), activeUsers (distinct lower-cased AuditData UserId with a prompt) and sessions
  (distinct ThreadId with a prompt).

Exit status: 0 done; 3 DuckDB ran out of its memory limit (stdout then holds
{"error": "outOfMemory", ...}); 1 any other failure (also reported as JSON on stdout).
"""
import argparse
import codecs
import json
import os
import sys
import time

import duckdb

# The fields of AuditData the tables and metrics use. from_json parses each AuditData once into
# this structure; fields not listed are skipped, missing ones are NULL.
AUDIT_DATA = {
    "Id": "VARCHAR",
    "CreationTime": "VARCHAR",
    "Operation": "VARCHAR",
    "UserId": "VARCHAR",
    "Workload": "VARCHAR",
    "AppIdentity": "JSON",  # a string, or an object with DisplayName / AppId
    "AgentId": "VARCHAR",
    "AgentName": "VARCHAR",
    "ApplicationName": "VARCHAR",
    "ClientRegion": "VARCHAR",
    "CopilotEventData": {
        "AppHost": "VARCHAR",
        "ThreadId": "VARCHAR",
        "Messages": [{"Id": "VARCHAR", "isPrompt": "BOOLEAN", "JailbreakDetected": "BOOLEAN",
                      "XPIADetected": "BOOLEAN"}],
        "AccessedResources": [{"Id": "VARCHAR", "Name": "VARCHAR", "Type": "VARCHAR", "Action": "VARCHAR",
                               "SiteUrl": "VARCHAR", "SensitivityLabelId": "VARCHAR", "PolicyDetails": "JSON"}],
        "AISystemPlugin": [{"Id": "VARCHAR"}],
    },
}


def sql_text(value):
    return "'" + value.replace("'", "''") + "'"


def sql_name(value):
    return '"' + value.replace('"', '""') + '"'


class Dialect:
    """How one export is written: encoding, delimiter, and which columns hold what."""

    def __init__(self, path):
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
        if head.startswith(codecs.BOM_UTF16_LE):
            self.encoding, text = "utf-16", head[2:].decode("utf-16-le", errors="replace")
        elif head.startswith(codecs.BOM_UTF8):
            self.encoding, text = "utf-8", head[3:].decode("utf-8", errors="replace")
        else:
            self.encoding, text = "utf-8", head.decode("utf-8", errors="replace")
        header = text.splitlines()[0] if text else ""
        self.delimiter = max([",", ";", "\t"], key=header.count)
        columns = [c.strip().strip('"') for c in header.split(self.delimiter)]
        by_name = {c.lower(): c for c in columns}

        def column(*names):
            return next((by_name[n] for n in names if n in by_name), None)

        self.audit_data = column("auditdata")
        self.operation = column("operation", "operations")
        self.user = column("userid", "userids")
        self.record_id = column("recordid")
        if self.audit_data is None:
            raise ValueError(f"{path}: no AuditData column in the header {header[:200]!r}")

    def select(self, number, path):
        def col(name):
            return sql_name(name) if name else "NULL::VARCHAR"

        options = [f"header = true", "all_varchar = true", f"delim = {sql_text(self.delimiter)}",
                   "quote = '\"'", "escape = '\"'", f"encoding = {sql_text(self.encoding)}"]
        return (f"SELECT {number} AS file_no, {col(self.record_id)} AS record_id, {col(self.operation)} AS operation, "
                f"{col(self.user)} AS row_user, {col(self.audit_data)} AS audit_data "
                f"FROM read_csv({sql_text(path)}, {', '.join(options)})")


def run(out, files, memory_limit, threads, temp_dir):
    con = duckdb.connect()
    con.execute(f"SET memory_limit = {sql_text(memory_limit)}")
    con.execute(f"SET threads = {int(threads)}")
    con.execute("SET preserve_insertion_order = false")  # row order of the outputs is not needed
    if temp_dir:
        con.execute(f"SET temp_directory = {sql_text(temp_dir)}")

    raw = "\nUNION ALL\n".join(Dialect(path).select(number, path) for number, path in enumerate(files))
    structure = sql_text(json.dumps(AUDIT_DATA))
    # One pass over the text: filter on the Operation column, parse AuditData once (try: invalid
    # JSON gives NULL), keep valid records, de-duplicate by id (earliest file wins).
    con.execute(f"""
        CREATE TEMP TABLE kept AS
        WITH raw AS ({raw}),
        parsed AS (
            SELECT file_no, trim(record_id) AS record_id, trim(operation) AS operation, row_user,
                   try(from_json(audit_data, {structure})) AS j
            FROM raw
            WHERE coalesce(trim(operation), '') = '' OR lower(trim(operation)) = 'copilotinteraction'
        ),
        valid AS (
            SELECT file_no,
                   coalesce(nullif(record_id, ''), j.Id) AS record_id,
                   TRY_CAST(j.CreationTime AS TIMESTAMP) AS creation_time,
                   lower(trim(coalesce(nullif(j.UserId, ''), row_user, ''))) AS user_key,
                   j.Workload AS workload, j.AppIdentity AS app_identity, j.AgentId AS agent_id, j.AgentName AS agent_name,
                   j.ApplicationName AS application_name, j.ClientRegion AS client_region,
                   j.CopilotEventData.AppHost AS app_host, j.CopilotEventData.ThreadId AS thread_id,
                   j.CopilotEventData.Messages AS messages, j.CopilotEventData.AccessedResources AS resources,
                   j.CopilotEventData.AISystemPlugin AS plugins
            FROM parsed
            WHERE j IS NOT NULL
              AND (operation <> '' OR lower(j.Operation) = 'copilotinteraction')
        )
        SELECT * EXCLUDE (file_no)
        FROM valid
        WHERE creation_time IS NOT NULL AND coalesce(record_id, '') <> ''
        QUALIFY row_number() OVER (PARTITION BY lower(record_id) ORDER BY file_no) = 1
    """)

    con.execute(f"""
        COPY (
            SELECT record_id AS RecordId, strftime(creation_time, '%Y-%m-%dT%H:%M:%S') AS CreationTime,
                   CAST(creation_time AS DATE) AS Date, user_key AS UserKey, coalesce(app_host, '(Unknown)') AS AppHost,
                   thread_id AS ThreadId, workload AS Workload, agent_id AS AgentId, agent_name AS AgentName,
                   CASE WHEN json_type(app_identity) = 'OBJECT'
                        THEN coalesce(nullif(app_identity->>'DisplayName', ''), app_identity->>'AppId')
                        ELSE app_identity->>'$' END AS AppIdentity,
                   application_name AS ApplicationName, client_region AS ClientRegion,
                   len(list_filter(messages, lambda m: m.isPrompt)) AS PromptCount,
                   len(list_filter(messages, lambda m: NOT m.isPrompt)) AS ResponseCount,
                   coalesce(len(resources), 0) AS ResourceCount,
                   coalesce(list_contains(list_transform(plugins, lambda p: p.Id), 'BingWebSearch'), false) AS UsesWebSearch
            FROM kept
        ) TO {sql_text(os.path.join(out, 'interactions.csv'))} (HEADER)
    """)
    con.execute(f"""
        COPY (
            SELECT record_id AS RecordId, thread_id AS ThreadId, m.Id AS MessageId, coalesce(m.isPrompt, false) AS IsPrompt,
                   m.JailbreakDetected AS JailbreakDetected, m.XPIADetected AS XPIADetected
            FROM kept, unnest(messages) AS t(m)
        ) TO {sql_text(os.path.join(out, 'messages.csv'))} (HEADER)
    """)
    con.execute(f"""
        COPY (
            SELECT record_id AS RecordId, r.Id AS ResourceId, r.Name AS Name, r.Type AS Type, r.Action AS Action,
                   r.SiteUrl AS SiteUrl, r.SensitivityLabelId AS SensitivityLabelId,
                   CASE WHEN json_type(r.PolicyDetails) = 'VARCHAR' THEN r.PolicyDetails->>'$'
                        ELSE CAST(r.PolicyDetails AS VARCHAR) END AS PolicyDetails
            FROM kept, unnest(resources) AS t(r)
        ) TO {sql_text(os.path.join(out, 'resources.csv'))} (HEADER)
    """)
    records, = con.execute("SELECT count(*) FROM kept").fetchone()
    prompts, active_users, sessions = con.execute("""
        WITH prompt AS (
            SELECT coalesce(thread_id, '') AS thread_id, coalesce(m.Id, '') AS message_id, user_key
            FROM kept, unnest(messages) AS t(m)
            WHERE m.isPrompt
        )
        SELECT count(DISTINCT (thread_id, message_id)), count(DISTINCT user_key), count(DISTINCT thread_id)
        FROM prompt
    """).fetchone()
    return {"records": records, "prompts": prompts, "activeUsers": active_users, "sessions": sessions}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--memory-limit", default="4GB")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--temp-dir", help="where DuckDB may spill (default: OUT_FOLDER/.duckdb-tmp)")
    parser.add_argument("out")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    temp_dir = args.temp_dir or os.path.join(args.out, ".duckdb-tmp")
    started = time.monotonic()
    try:
        metrics = run(args.out, args.files, args.memory_limit, args.threads, temp_dir)
    except duckdb.OutOfMemoryException as error:
        print(json.dumps({"error": "outOfMemory", "memoryLimit": args.memory_limit, "message": str(error)}))
        print(f"duckdb_job: DuckDB exceeded its memory limit ({args.memory_limit}): {error}", file=sys.stderr)
        return 3
    except Exception as error:  # noqa: BLE001 - reported to the harness, which says what failed
        print(json.dumps({"error": type(error).__name__, "message": str(error)}))
        print(f"duckdb_job: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        if os.path.isdir(temp_dir) and not os.listdir(temp_dir):
            os.rmdir(temp_dir)
    print(json.dumps(metrics, sort_keys=True))
    print(f"duckdb_job: DuckDB {duckdb.__version__}, {len(args.files)} file(s), {time.monotonic() - started:.2f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
