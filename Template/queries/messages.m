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
