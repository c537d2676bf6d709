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
