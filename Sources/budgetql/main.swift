import ArgumentParser
import Shell

/// Options every form of the command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("A snapshot file or directory to load instead of Data/ (repeatable).", valueName: "path"))
    var dataPaths: [String] = []

    @Option(help: ArgumentHelp("Output: table, csv, tsv, json, markdown, line or html (default: table on a terminal, csv otherwise).", valueName: "format"))
    var format: OutputMode?

    @Option(name: .customLong("param"), help: ArgumentHelp("A value for :name in queries (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(help: "After an error, report it and go on with the next statement.")
    var keepGoing = false

    func shellOptions() -> ShellOptions {
        var options = ShellOptions()
        options.dataPaths = dataPaths
        options.format = format
        options.parameters = parameters
        options.keepGoing = keepGoing
        return options
    }
}

extension OutputMode: ExpressibleByArgument {}

/// The shell: the REPL, or -c / -f / statements on stdin; `run` and `queries` for saved queries.
struct BudgetQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budgetql",
        abstract: "Query Chinese government budget disclosures with a small SQL.",
        discussion: """
        With no -c or -f, statements are read from stdin when it is not a terminal, and
        otherwise the interactive shell starts on Data/ (type .help there).
        Exit status: 0 success, 1 a statement failed, 2 an input could not be read, 64 bad usage.
        """,
        version: Shell.version(),
        subcommands: [RunSavedQuery.self, ListSavedQueries.self, Audit.self, ListRules.self])

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these statements, print the results, exit.", valueName: "query"))
    var command: String?

    @Option(name: .customShort("f"), help: ArgumentHelp("Run the statements in this file (- for stdin), exit.", valueName: "file"))
    var file: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if command != nil && file != nil { throw ValidationError("use -c or -f, not both") }
    }

    func run() throws {
        var options = common.shellOptions()
        options.command = command
        options.file = file
        let status = Shell.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql run NAME [name=value ...]`: a saved query from Queries/.
struct RunSavedQuery: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a saved query from Queries/.")

    @Argument(help: "The saved query's name (Queries/NAME.bql).")
    var name: String

    @Argument(help: ArgumentHelp("Parameter values.", valueName: "name=value"))
    var arguments: [String] = []

    @Option(help: ArgumentHelp("Write the report to this file (its extension picks the format when --format is not given).", valueName: "file"))
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var options = common.shellOptions()
        options.output = output
        let status = Shell.runSavedQuery(options, name: name, arguments: arguments)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql queries`: what saved queries there are.
struct ListSavedQueries: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queries", abstract: "List the saved queries.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let status = Shell.listSavedQueries(common.shellOptions())
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql audit`: every loaded document's findings, grouped by document and severity.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Report what reviewers would flag in the loaded disclosures.",
        discussion: "Formats: table, markdown, html, json. Exit status 1 when any finding is an error, 0 otherwise.")

    @Option(help: ArgumentHelp("Write the report to this file (its extension picks the format when --format is not given).", valueName: "file"))
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        var options = common.shellOptions()
        options.output = output
        let status = Shell.audit(options)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `budgetql rules`: the audit's rules, one line each.
struct ListRules: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the audit rules.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let status = Shell.listRules(common.shellOptions())
        if status != 0 { throw ExitCode(status) }
    }
}

BudgetQL.main()
