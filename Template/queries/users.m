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
