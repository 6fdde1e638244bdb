import Store
import Ingest
import Query
import LineEditor

/// The interactive and batch front end.
public enum Shell {
    public static func version() -> String { "0.1.0" }
}
