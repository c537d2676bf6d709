#!/usr/bin/env python3
"""The peer: the same job in DuckDB, written the way a DuckDB user would.

  duckdb_job.py OUT_FOLDER AUDIT.csv [AUDIT.csv ...]

Reads the current-layout audit exports, keeps CopilotInteraction rows with valid AuditData,
de-duplicates by RecordId, flattens interactions, messages and accessed resources into CSV files
in OUT_FOLDER, and prints the four metrics as JSON (same definitions as copilot-prep's report).
"""
import json
import sys

import duckdb


def main():
    out, files = sys.argv[1], sys.argv[2:]
    con = duckdb.connect()
    con.execute("SET memory_limit='4GB'")
    con.execute("SET threads=2")
    con.execute("SET preserve_insertion_order=false")
    file_list = "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
    con.execute(f"""
        CREATE TABLE kept AS
        SELECT RecordId, CAST(AuditData AS JSON) AS j
        FROM read_csv({file_list}, header=true, all_varchar=true, quote='"', escape='"',
                      max_line_size=67108864, parallel=true)
        WHERE Operation = 'CopilotInteraction' AND json_valid(AuditData)
        QUALIFY row_number() OVER (PARTITION BY RecordId) = 1
    """)
    con.execute("""
        CREATE TABLE interactions AS
        SELECT RecordId,
               j->>'CreationTime' AS CreationTime,
               lower(trim(j->>'UserId')) AS UserKey,
               j->'CopilotEventData'->>'AppHost' AS AppHost,
               j->'CopilotEventData'->>'ThreadId' AS ThreadId,
               j->>'AgentId' AS AgentId,
               j->>'AgentName' AS AgentName
        FROM kept
    """)
    con.execute("""
        CREATE TABLE messages AS
        SELECT RecordId, j->'CopilotEventData'->>'ThreadId' AS ThreadId, m.Id AS MessageId, m.isPrompt AS IsPrompt,
               lower(trim(j->>'UserId')) AS UserKey
        FROM kept,
             unnest(from_json(j->'CopilotEventData'->'Messages', '[{"Id":"VARCHAR","isPrompt":"BOOLEAN"}]')) AS t(m)
    """)
    con.execute("""
        COPY (
          SELECT RecordId, r.Id AS ResourceId, r.Name, r.Type, r.Action, r.SiteUrl
          FROM kept,
               unnest(from_json(j->'CopilotEventData'->'AccessedResources',
                                '[{"Id":"VARCHAR","Name":"VARCHAR","Type":"VARCHAR","Action":"VARCHAR","SiteUrl":"VARCHAR"}]')) AS t(r)
        ) TO '""" + out + """/resources.csv' (HEADER)
    """)
    con.execute(f"COPY interactions TO '{out}/interactions.csv' (HEADER)")
    con.execute(f"COPY (SELECT RecordId, ThreadId, MessageId, IsPrompt FROM messages) TO '{out}/messages.csv' (HEADER)")
    records = con.execute("SELECT count(*) FROM kept").fetchone()[0]
    prompts, active, sessions = con.execute("""
        SELECT count(DISTINCT (ThreadId, MessageId)), count(DISTINCT UserKey), count(DISTINCT ThreadId)
        FROM messages WHERE IsPrompt
    """).fetchone()
    print(json.dumps({"records": records, "prompts": prompts, "activeUsers": active, "sessions": sessions}))


if __name__ == "__main__":
    main()
