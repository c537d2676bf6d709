/// The files of Template/ (paths relative to it, UTF-8 text), compiled into the binary so the
/// tool works when copied alone. The `files` table is generated at build time by the
/// EmbedTemplate build plugin (Plugins/EmbedTemplate): edit the files, never Swift, to change
/// the report. See README.md in this folder.
public enum EmbeddedTemplate {}
