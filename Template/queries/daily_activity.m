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
