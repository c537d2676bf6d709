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
