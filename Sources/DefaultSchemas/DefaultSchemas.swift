import Validate

/// The files of `schemas/` as they were when the program was built: report.xsd,
/// text-form.json and every rule set, carried in the `pipeline` binary so that a lone copy of
/// it checks forms with no setting (`Resources.resolve(schemas:rules:builtIn:)`).
///
/// `all` is generated at build time by the `EmbedSchemas` plugin (Plugins/EmbedSchemas) from
/// the files themselves, so `schemas/` stays the one source of truth. A module of its own, used
/// by the executable only: the libraries and the fuzz targets take their schemas from a folder
/// and never build the plugin's tool.
public enum DefaultSchemas {
    /// Every built-in file, by its path under `schemas/`.
    public static var files: [BuiltInFile] { all }
}
