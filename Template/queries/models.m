let
    Source = Csv.Document(File.Contents(TablesFolder & "models.csv"), [Delimiter = ",", Encoding = 65001, QuoteStyle = QuoteStyle.Csv]),
    Promoted = Table.PromoteHeaders(Source, [PromoteAllScalars = true]),
    Typed = Table.TransformColumnTypes(Promoted, {
        {"RecordId", type text},
        {"ModelName", type text}
    }, "en-US")
in
    Typed
