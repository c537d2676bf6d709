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
