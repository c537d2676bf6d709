// The tables/ folder inside DataFolder, with the separator DataFolder uses (a Windows path
// from --template-path-prefix, or a POSIX path).
let
    Separator = if Text.Contains(DataFolder, "\") then "\" else "/",
    Folder = if Text.EndsWith(DataFolder, Separator) then DataFolder else DataFolder & Separator
in
    Folder & "tables" & Separator
