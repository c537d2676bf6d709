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
