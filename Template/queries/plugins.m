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
