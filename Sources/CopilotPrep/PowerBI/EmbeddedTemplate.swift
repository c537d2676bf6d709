// Generated from Template/ by `swift Template/embed.swift`: do not edit by hand.
// EmbeddedTemplateTests fails when this file and Template/ differ.

/// The files of Template/, carried inside the binary.
enum EmbeddedTemplate {
    static let files: [String: String] = [
        "measures/Active Days per User.dax": ####"""
-- table: interactions
-- format: #,0.0
-- Distinct (day, user) pairs with a prompt, per active user.
DIVIDE (
    COUNTROWS (
        SUMMARIZE (
            FILTER ( interactions, interactions[PromptCount] > 0 ),
            interactions[Date],
            interactions[UserKey]
        )
    ),
    [Active Users]
)

"""####,
        "measures/Active Users.dax": ####"""
-- table: interactions
-- format: #,0
CALCULATE ( DISTINCTCOUNT ( interactions[UserKey] ), interactions[PromptCount] > 0 )

"""####,
        "measures/Agent Prompts.dax": ####"""
-- table: interactions
-- format: #,0
CALCULATE ( [Prompts], interactions[AgentId] <> "" )

"""####,
        "measures/Agent Users.dax": ####"""
-- table: interactions
-- format: #,0
CALCULATE ( [Active Users], interactions[AgentId] <> "" )

"""####,
        "measures/Data Quality Rows.dax": ####"""
-- table: data_quality
-- format: #,0
SUM ( data_quality[Rows] )

"""####,
        "measures/Licensed Active Users.dax": ####"""
-- table: interactions
-- format: #,0
CALCULATE ( [Active Users], users[HasLicense] = TRUE () )

"""####,
        "measures/Licensed Users Active %.dax": ####"""
-- table: users
-- format: 0.0%
DIVIDE ( [Licensed Active Users], [Licensed Users] )

"""####,
        "measures/Licensed Users.dax": ####"""
-- table: users
-- format: #,0
CALCULATE ( COUNTROWS ( users ), users[HasLicense] = TRUE () )

"""####,
        "measures/Prompts per Active User.dax": ####"""
-- table: interactions
-- format: #,0.0
DIVIDE ( [Prompts], [Active Users] )

"""####,
        "measures/Prompts.dax": ####"""
-- table: interactions
-- format: #,0
-- Distinct (thread, message) pairs: message ids repeat across users.
COUNTROWS (
    SUMMARIZE (
        FILTER ( messages, messages[IsPrompt] = TRUE () ),
        messages[ThreadId],
        messages[MessageId]
    )
)

"""####,
        "measures/Records.dax": ####"""
-- table: interactions
-- format: #,0
COUNTROWS ( interactions )

"""####,
        "measures/Sessions.dax": ####"""
-- table: interactions
-- format: #,0
CALCULATE ( DISTINCTCOUNT ( interactions[ThreadId] ), interactions[PromptCount] > 0 )

"""####,
        "measures/Weekly Active Users.dax": ####"""
-- table: interactions
-- format: #,0
-- Average over the weeks in view of the users active in each week.
AVERAGEX ( VALUES ( 'Date'[Week Start] ), [Active Users] )

"""####,
        "model.json": ####"""
{
  "name": "CopilotUsage",
  "description": "Copilot usage from copilot-prep's tidy tables",
  "culture": "en-US",
  "compatibilityLevel": 1567,
  "parameter": "DataFolder",
  "tableOrder": ["interactions", "messages", "resources", "contexts", "plugins", "models", "users", "agents",
                 "daily_activity", "data_quality", "Date"]
}

"""####,
        "queries/DataFolder.m": ####"""
null meta [IsParameterQuery=true, Type="Text", IsParameterQueryRequired=true]

"""####,
        "queries/Date.dax": ####"""
VAR FirstDay = COALESCE ( MIN ( interactions[Date] ), TODAY () )
VAR LastDay = COALESCE ( MAX ( interactions[Date] ), TODAY () )
RETURN
    ADDCOLUMNS (
        CALENDAR ( FirstDay, LastDay ),
        "Week Start", [Date] - WEEKDAY ( [Date], 2 ) + 1,
        "Month", FORMAT ( [Date], "yyyy-mm" ),
        "Weekday", FORMAT ( [Date], "ddd" )
    )

"""####,
        "queries/TablesFolder.m": ####"""
// The tables/ folder inside DataFolder, with the separator DataFolder uses (a Windows path
// from --template-path-prefix, or a POSIX path).
let
    Separator = if Text.Contains(DataFolder, "\") then "\" else "/",
    Folder = if Text.EndsWith(DataFolder, Separator) then DataFolder else DataFolder & Separator
in
    Folder & "tables" & Separator

"""####,
        "queries/agents.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "agents.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"AgentId", type text},
        {"AgentName", type text},
        {"Kind", type text}
    }, "en-US")
in
    Typed

"""####,
        "queries/contexts.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "contexts.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"RecordId", type text},
        {"ContextId", type text},
        {"ContextType", type text}
    }, "en-US")
in
    Typed

"""####,
        "queries/daily_activity.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "daily_activity.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"Date", type date},
        {"UserKey", type text},
        {"AppHost", type text},
        {"Prompts", Int64.Type},
        {"Sessions", Int64.Type},
        {"Records", Int64.Type}
    }, "en-US")
in
    Typed

"""####,
        "queries/data_quality.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "data_quality.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"Input", type text},
        {"Outcome", type text},
        {"Rows", Int64.Type}
    }, "en-US")
in
    Typed

"""####,
        "queries/interactions.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "interactions.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"RecordId", type text},
        {"CreationTime", type datetime},
        {"Date", type date},
        {"UserKey", type text},
        {"AppHost", type text},
        {"ThreadId", type text},
        {"Workload", type text},
        {"AgentId", type text},
        {"AgentName", type text},
        {"AppIdentity", type text},
        {"ApplicationName", type text},
        {"ClientRegion", type text},
        {"PromptCount", Int64.Type},
        {"ResponseCount", Int64.Type},
        {"ResourceCount", Int64.Type},
        {"UsesWebSearch", type logical}
    }, "en-US")
in
    Typed

"""####,
        "queries/messages.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "messages.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"RecordId", type text},
        {"ThreadId", type text},
        {"MessageId", type text},
        {"IsPrompt", type logical},
        {"JailbreakDetected", type text},
        {"XPIADetected", type text}
    }, "en-US")
in
    Typed

"""####,
        "queries/models.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "models.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"RecordId", type text},
        {"ModelName", type text}
    }, "en-US")
in
    Typed

"""####,
        "queries/plugins.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "plugins.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"RecordId", type text},
        {"PluginId", type text},
        {"PluginName", type text},
        {"PluginVersion", type text}
    }, "en-US")
in
    Typed

"""####,
        "queries/resources.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "resources.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"RecordId", type text},
        {"ResourceId", type text},
        {"Name", type text},
        {"Type", type text},
        {"Action", type text},
        {"SiteUrl", type text},
        {"SensitivityLabelId", type text},
        {"PolicyDetails", type text}
    }, "en-US")
in
    Typed

"""####,
        "queries/users.m": ####"""
let
    Source = Csv.Document(File.Contents(TablesFolder & "users.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"UserKey", type text},
        {"DisplayName", type text},
        {"Department", type text},
        {"JobTitle", type text},
        {"Country", type text},
        {"HasLicense", type logical},
        {"InOrgData", type logical},
        {"InLicenseList", type logical},
        {"IsGuest", type logical}
    }, "en-US")
in
    Typed

"""####,
        "relationships.json": ####"""
[
  {
    "from": "messages.RecordId",
    "to": "interactions.RecordId"
  },
  {
    "from": "resources.RecordId",
    "to": "interactions.RecordId"
  },
  {
    "from": "contexts.RecordId",
    "to": "interactions.RecordId"
  },
  {
    "from": "plugins.RecordId",
    "to": "interactions.RecordId"
  },
  {
    "from": "models.RecordId",
    "to": "interactions.RecordId"
  },
  {
    "from": "interactions.UserKey",
    "to": "users.UserKey"
  },
  {
    "from": "interactions.AgentId",
    "to": "agents.AgentId"
  },
  {
    "from": "interactions.Date",
    "to": "Date.Date"
  },
  {
    "from": "daily_activity.UserKey",
    "to": "users.UserKey"
  },
  {
    "from": "daily_activity.Date",
    "to": "Date.Date"
  }
]

"""####,
        "report/01-Overview.json": ####"""
{
  "name": "Overview",
  "visuals": [
    {
      "type": "card",
      "position": [
        20,
        20,
        290,
        120
      ],
      "values": [
        "[Prompts]"
      ]
    },
    {
      "type": "card",
      "position": [
        330,
        20,
        290,
        120
      ],
      "values": [
        "[Active Users]"
      ]
    },
    {
      "type": "card",
      "position": [
        640,
        20,
        290,
        120
      ],
      "values": [
        "[Sessions]"
      ]
    },
    {
      "type": "card",
      "position": [
        950,
        20,
        310,
        120
      ],
      "values": [
        "[Licensed Users Active %]"
      ]
    },
    {
      "type": "lineChart",
      "title": "Weekly prompts and active users",
      "position": [
        20,
        160,
        1240,
        540
      ],
      "category": "Date.Week Start",
      "values": [
        "[Prompts]",
        "[Active Users]"
      ]
    }
  ]
}

"""####,
        "report/02-Apps.json": ####"""
{
  "name": "Apps",
  "visuals": [
    {
      "type": "clusteredBarChart",
      "title": "Prompts by app",
      "position": [
        20,
        20,
        610,
        330
      ],
      "category": "interactions.AppHost",
      "values": [
        "[Prompts]"
      ]
    },
    {
      "type": "clusteredBarChart",
      "title": "Active users by app",
      "position": [
        650,
        20,
        610,
        330
      ],
      "category": "interactions.AppHost",
      "values": [
        "[Active Users]"
      ]
    },
    {
      "type": "lineChart",
      "title": "Weekly prompts",
      "position": [
        20,
        370,
        1240,
        330
      ],
      "category": "Date.Week Start",
      "values": [
        "[Prompts]"
      ]
    }
  ]
}

"""####,
        "report/03-Organisation.json": ####"""
{
  "name": "Organisation",
  "visuals": [
    {
      "type": "clusteredBarChart",
      "title": "Active users by department",
      "position": [
        20,
        20,
        610,
        680
      ],
      "category": "users.Department",
      "values": [
        "[Active Users]"
      ]
    },
    {
      "type": "tableEx",
      "title": "Adoption by department",
      "position": [
        650,
        20,
        610,
        400
      ],
      "values": [
        "users.Department",
        "[Licensed Users]",
        "[Licensed Active Users]",
        "[Licensed Users Active %]",
        "[Active Users]"
      ]
    },
    {
      "type": "clusteredBarChart",
      "title": "Active users, licensed vs unlicensed",
      "position": [
        650,
        440,
        610,
        260
      ],
      "category": "users.HasLicense",
      "values": [
        "[Active Users]",
        "[Prompts per Active User]"
      ]
    }
  ]
}

"""####,
        "report/04-Agents.json": ####"""
{
  "name": "Agents",
  "visuals": [
    {
      "type": "card",
      "position": [
        20,
        20,
        300,
        120
      ],
      "values": [
        "[Agent Users]"
      ]
    },
    {
      "type": "card",
      "position": [
        340,
        20,
        300,
        120
      ],
      "values": [
        "[Agent Prompts]"
      ]
    },
    {
      "type": "tableEx",
      "title": "Agents by users and prompts",
      "position": [
        20,
        160,
        1240,
        540
      ],
      "values": [
        "agents.AgentName",
        "agents.Kind",
        "[Agent Users]",
        "[Agent Prompts]"
      ]
    }
  ]
}

"""####,
        "report/05-Data quality.json": ####"""
{
  "name": "Data quality",
  "visuals": [
    {
      "type": "tableEx",
      "title": "Rows read, kept, de-duplicated and quarantined",
      "position": [
        20,
        20,
        800,
        400
      ],
      "values": [
        "data_quality.Input",
        "data_quality.Outcome",
        "[Data Quality Rows]"
      ]
    },
    {
      "type": "card",
      "position": [
        840,
        20,
        420,
        120
      ],
      "values": [
        "[Records]"
      ]
    }
  ]
}

"""####,
        "tables/Date.json": ####"""
{
  "name": "Date",
  "description": "One row per day from the first to the last record; weeks start on Monday.",
  "role": "dimension",
  "calculated": "Date.dax",
  "columns": [
    {
      "name": "Date",
      "type": "date"
    },
    {
      "name": "Week Start",
      "type": "date"
    },
    {
      "name": "Month",
      "type": "text"
    },
    {
      "name": "Weekday",
      "type": "text"
    }
  ]
}

"""####,
        "tables/agents.json": ####"""
{
  "name": "agents",
  "description": "One row per agent.",
  "role": "dimension",
  "query": "agents.m",
  "columns": [
    {
      "name": "AgentId",
      "type": "text"
    },
    {
      "name": "AgentName",
      "type": "text"
    },
    {
      "name": "Kind",
      "type": "text"
    }
  ]
}

"""####,
        "tables/contexts.json": ####"""
{
  "name": "contexts",
  "description": "One row per context of a record.",
  "role": "fact",
  "query": "contexts.m",
  "columns": [
    {
      "name": "RecordId",
      "type": "text"
    },
    {
      "name": "ContextId",
      "type": "text"
    },
    {
      "name": "ContextType",
      "type": "text"
    }
  ],
  "hiddenColumns": [
    "RecordId"
  ]
}

"""####,
        "tables/daily_activity.json": ####"""
{
  "name": "daily_activity",
  "description": "One row per (Date, UserKey, AppHost) with activity.",
  "role": "fact",
  "query": "daily_activity.m",
  "columns": [
    {
      "name": "Date",
      "type": "date"
    },
    {
      "name": "UserKey",
      "type": "text"
    },
    {
      "name": "AppHost",
      "type": "text"
    },
    {
      "name": "Prompts",
      "type": "int"
    },
    {
      "name": "Sessions",
      "type": "int"
    },
    {
      "name": "Records",
      "type": "int"
    }
  ]
}

"""####,
        "tables/data_quality.json": ####"""
{
  "name": "data_quality",
  "description": "Row accounting from build-report.json.",
  "role": "fact",
  "query": "data_quality.m",
  "columns": [
    {
      "name": "Input",
      "type": "text"
    },
    {
      "name": "Outcome",
      "type": "text"
    },
    {
      "name": "Rows",
      "type": "int"
    }
  ]
}

"""####,
        "tables/interactions.json": ####"""
{
  "name": "interactions",
  "description": "One row per kept audit record.",
  "role": "fact",
  "query": "interactions.m",
  "columns": [
    {
      "name": "RecordId",
      "type": "text"
    },
    {
      "name": "CreationTime",
      "type": "datetime"
    },
    {
      "name": "Date",
      "type": "date"
    },
    {
      "name": "UserKey",
      "type": "text"
    },
    {
      "name": "AppHost",
      "type": "text"
    },
    {
      "name": "ThreadId",
      "type": "text"
    },
    {
      "name": "Workload",
      "type": "text"
    },
    {
      "name": "AgentId",
      "type": "text"
    },
    {
      "name": "AgentName",
      "type": "text"
    },
    {
      "name": "AppIdentity",
      "type": "text"
    },
    {
      "name": "ApplicationName",
      "type": "text"
    },
    {
      "name": "ClientRegion",
      "type": "text"
    },
    {
      "name": "PromptCount",
      "type": "int"
    },
    {
      "name": "ResponseCount",
      "type": "int"
    },
    {
      "name": "ResourceCount",
      "type": "int"
    },
    {
      "name": "UsesWebSearch",
      "type": "bool"
    }
  ]
}

"""####,
        "tables/messages.json": ####"""
{
  "name": "messages",
  "description": "One row per message of a record.",
  "role": "fact",
  "query": "messages.m",
  "columns": [
    {
      "name": "RecordId",
      "type": "text"
    },
    {
      "name": "ThreadId",
      "type": "text"
    },
    {
      "name": "MessageId",
      "type": "text"
    },
    {
      "name": "IsPrompt",
      "type": "bool"
    },
    {
      "name": "JailbreakDetected",
      "type": "text"
    },
    {
      "name": "XPIADetected",
      "type": "text"
    }
  ],
  "hiddenColumns": [
    "RecordId"
  ]
}

"""####,
        "tables/models.json": ####"""
{
  "name": "models",
  "description": "One row per model transparency entry.",
  "role": "fact",
  "query": "models.m",
  "columns": [
    {
      "name": "RecordId",
      "type": "text"
    },
    {
      "name": "ModelName",
      "type": "text"
    }
  ],
  "hiddenColumns": [
    "RecordId"
  ]
}

"""####,
        "tables/plugins.json": ####"""
{
  "name": "plugins",
  "description": "One row per AI system plugin of a record.",
  "role": "fact",
  "query": "plugins.m",
  "columns": [
    {
      "name": "RecordId",
      "type": "text"
    },
    {
      "name": "PluginId",
      "type": "text"
    },
    {
      "name": "PluginName",
      "type": "text"
    },
    {
      "name": "PluginVersion",
      "type": "text"
    }
  ],
  "hiddenColumns": [
    "RecordId"
  ]
}

"""####,
        "tables/resources.json": ####"""
{
  "name": "resources",
  "description": "One row per resource a record accessed.",
  "role": "fact",
  "query": "resources.m",
  "columns": [
    {
      "name": "RecordId",
      "type": "text"
    },
    {
      "name": "ResourceId",
      "type": "text"
    },
    {
      "name": "Name",
      "type": "text"
    },
    {
      "name": "Type",
      "type": "text"
    },
    {
      "name": "Action",
      "type": "text"
    },
    {
      "name": "SiteUrl",
      "type": "text"
    },
    {
      "name": "SensitivityLabelId",
      "type": "text"
    },
    {
      "name": "PolicyDetails",
      "type": "text"
    }
  ],
  "hiddenColumns": [
    "RecordId"
  ]
}

"""####,
        "tables/users.json": ####"""
{
  "name": "users",
  "description": "One row per user seen in any input.",
  "role": "dimension",
  "query": "users.m",
  "columns": [
    {
      "name": "UserKey",
      "type": "text"
    },
    {
      "name": "DisplayName",
      "type": "text"
    },
    {
      "name": "Department",
      "type": "text"
    },
    {
      "name": "JobTitle",
      "type": "text"
    },
    {
      "name": "Country",
      "type": "text"
    },
    {
      "name": "HasLicense",
      "type": "bool"
    },
    {
      "name": "InOrgData",
      "type": "bool"
    },
    {
      "name": "InLicenseList",
      "type": "bool"
    },
    {
      "name": "IsGuest",
      "type": "bool"
    }
  ]
}

"""####,
    ]
}
