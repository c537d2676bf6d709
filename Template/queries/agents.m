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
