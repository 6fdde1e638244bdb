/// Recursive-descent parser: tokens -> statements. Errors name what was expected and point at
/// the token found instead.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    /// Nesting of parentheses, calls, CASE, NOT and unary minus: bounded, so that a hostile
    /// query is an error, not a stack overflow in the parser, binder or executor.
    private var depth = 0
    static let maxDepth = 64
    /// Binary operators in the statement that were not folded away; bounds the tree's depth.
    private var operators = 0
    static let maxOperators = 500

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses every statement of a source text.
    static func parse(_ source: String) throws(Diagnostic) -> [Statement] {
        var lexer = Lexer(source)
        var parser = Parser(tokens: try lexer.tokenize())
        return try parser.parseStatements()
    }

    static let clauseKeywords = ["FROM", "WHERE", "GROUP", "HAVING", "PIVOT", "ORDER", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT"]

    // MARK: token stream

    private var current: Token { tokens[min(position, tokens.count - 1)] }
    private var previous: Token { tokens[max(0, min(position - 1, tokens.count - 1))] }
    private func peekToken(_ ahead: Int) -> Token { tokens[min(position + ahead, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let t = current
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private mutating func accept(keyword: String) -> Bool {
        if current.isKeyword(keyword) { position += 1; return true }
        return false
    }

    private mutating func accept(symbol: String) -> Bool {
        if current.isSymbol(symbol) { position += 1; return true }
        return false
    }

    private mutating func expect(keyword: String, context: String) throws(Diagnostic) {
        guard accept(keyword: keyword) else { throw unexpected("expected \(keyword) \(context)") }
    }

    private mutating func expect(symbol: String, context: String) throws(Diagnostic) {
        guard accept(symbol: symbol) else { throw unexpected("expected \"\(symbol)\" \(context)") }
    }

    /// An error at the current token: "expected X, found Y", with a keyword suggestion when the
    /// token looks like a misspelt keyword.
    private func unexpected(_ expectation: String, keywords: [String] = []) -> Diagnostic {
        let t = current
        let found: String
        switch t.kind {
        case .end: found = "end of input"
        case .string: found = "string '\(t.text)'"
        case .keyword: found = "keyword \(t.text)"
        default: found = "\"\(t.text)\""
        }
        var hints: [String] = []
        if t.isSymbol("="), previous.isSymbol("=") { hints.append("equality is a single =") }
        if t.kind == .identifier, let s = Suggestions.closest(to: t.text.uppercased(), among: keywords.isEmpty ? Array(Keywords.all) : keywords) {
            hints.append("did you mean \(s)?")
        }
        return Diagnostic(kind: .syntax, message: "\(expectation), found \(found)", span: t.span, hints: hints)
    }

    // MARK: statements

    mutating func parseStatements() throws(Diagnostic) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while accept(symbol: ";") {}
            if current.kind == .end { return statements }
            statements.append(try parseStatement())
            if current.kind != .end && !current.isSymbol(";") {
                if let construct = Parser.unsupported[current.text.uppercased()], current.kind == .identifier || current.kind == .keyword {
                    throw Diagnostic(kind: .syntax, message: "\(construct) is not supported", span: current.span, hints: Parser.unsupportedHints[current.text.uppercased()].map { [$0] } ?? [])
                }
                throw unexpected("expected the end of the statement",
                                 keywords: ["FROM", "WHERE", "GROUP", "HAVING", "PIVOT", "ORDER", "LIMIT", "OFFSET", "UNION", "JOIN"])
            }
        }
    }

    /// SQL that BudgetQL does not have, named as such instead of "expected the end of the
    /// statement" where it would stand.
    static let unsupported: [String: String] = [
        "QUALIFY": "QUALIFY", "WINDOW": "a named WINDOW clause", "FETCH": "FETCH FIRST",
        "LATERAL": "LATERAL", "TABLESAMPLE": "TABLESAMPLE", "RETURNING": "RETURNING",
    ]
    static let unsupportedHints: [String: String] = [
        "QUALIFY": "filter on a window's result in an outer query: SELECT * FROM (SELECT …, rank() OVER (…) AS r) WHERE r = 1",
        "FETCH": "write LIMIT n",
    ]
    /// Statements that change data: BudgetQL reads disclosures.
    static let changingStatements: Set<String> = ["INSERT", "UPDATE", "DELETE", "ALTER", "TRUNCATE", "MERGE"]

    mutating func parseStatement() throws(Diagnostic) -> Statement {
        if current.kind == .identifier, Parser.changingStatements.contains(current.text.uppercased()) {
            throw Diagnostic(kind: .syntax, message: "\(current.text.uppercased()) is not supported: the loaded tables are read-only", span: current.span,
                             hints: ["make a table of your own with CREATE TABLE name AS SELECT …"])
        }
        if accept(keyword: "EXPLAIN") { return .explain(try parseQuery()) }
        if accept(keyword: "DESCRIBE") {
            let t = current
            guard t.kind == .identifier || t.kind == .quotedIdentifier else { throw unexpected("expected a table name after DESCRIBE") }
            _ = advance()
            return .describe(t.text, t.span)
        }
        if current.isKeyword("SELECT") || isWord("WITH") { return .query(try parseQuery()) }
        // CREATE, DROP and COPY are read as words only at the start of a statement.
        if isWord("CREATE") || isWord("DROP") { return try parseDefinition() }
        if isWord("COPY"), peekToken(1).isSymbol("(") {
            let start = advance().span
            _ = advance()
            try enter()
            let q = try parseQuery()
            depth -= 1
            try expect(symbol: ")", context: "to close COPY (SELECT …)")
            guard acceptWord("TO") else { throw unexpected("expected TO after COPY (…)") }
            let path = current
            guard path.kind == .string else { throw unexpected("expected the file to write, in quotes: COPY (…) TO 'result.csv'") }
            _ = advance()
            return .copy(q, path: path.text, start.through(path.span))
        }
        throw unexpected("expected SELECT, WITH, EXPLAIN, DESCRIBE, CREATE, DROP or COPY", keywords: ["SELECT", "EXPLAIN", "DESCRIBE"])
    }

    /// `CREATE [OR REPLACE] TABLE|VIEW name AS query` and `DROP TABLE|VIEW [IF EXISTS] name`.
    private mutating func parseDefinition() throws(Diagnostic) -> Statement {
        let start = current.span
        let creating = advance().text.uppercased() == "CREATE"
        var replace = false
        if creating, accept(keyword: "OR") {
            guard acceptWord("REPLACE") else { throw unexpected("expected REPLACE after CREATE OR") }
            replace = true
        }
        let kind: SessionObjectKind
        if acceptWord("TABLE") { kind = .table } else if acceptWord("VIEW") { kind = .view } else {
            throw unexpected("expected TABLE or VIEW after \(creating ? "CREATE" : "DROP")")
        }
        var ifExists = false
        if !creating, acceptWord("IF") {
            guard acceptWord("EXISTS") else { throw unexpected("expected EXISTS after IF") }
            ifExists = true
        }
        let name = current
        guard name.kind == .identifier || name.kind == .quotedIdentifier else { throw unexpected("expected a name for the \(kind.rawValue.lowercased())") }
        _ = advance()
        guard creating else { return .drop(kind, name: name.text, ifExists: ifExists, start.through(name.span)) }
        try expect(keyword: "AS", context: "after the name (CREATE \(kind.rawValue) name AS SELECT …)")
        let parenthesised = current.isSymbol("(") && startsQuery(ahead: 1)
        if parenthesised { _ = advance() }
        let q = try parseQuery()
        if parenthesised { try expect(symbol: ")", context: "to close the query") }
        return .create(kind, name: name.text, q, replace: replace, start.through(previous.span))
    }

    mutating func parseQuery() throws(Diagnostic) -> Query {
        var with: [CommonTableExpression] = []
        // WITH is not reserved (a column may be called with): it starts a query only here.
        if isWord("WITH"), peekToken(1).kind == .identifier || peekToken(1).kind == .quotedIdentifier {
            _ = advance()
            repeat {
                let name = current
                guard name.kind == .identifier || name.kind == .quotedIdentifier else { throw unexpected("expected a name for the WITH query") }
                _ = advance()
                try expect(keyword: "AS", context: "after the WITH query's name (WITH name AS (SELECT …))")
                try expect(symbol: "(", context: "before the WITH query")
                try enter()
                let inner = try parseQuery()
                depth -= 1
                try expect(symbol: ")", context: "to close the WITH query")
                with.append(CommonTableExpression(name: name.text, query: inner, span: name.span))
            } while accept(symbol: ",")
        }
        var parts = [try parseSelect()]
        var operators: [SetOperator] = []
        while current.isKeyword("UNION") || current.isKeyword("EXCEPT") || current.isKeyword("INTERSECT") {
            let word = advance().text
            let all = accept(keyword: "ALL")
            if !all { _ = accept(keyword: "DISTINCT") }
            switch word {
            case "UNION": operators.append(all ? .unionAll : .union)
            case "EXCEPT": operators.append(all ? .exceptAll : .except)
            default: operators.append(all ? .intersectAll : .intersect)
            }
            parts.append(try parseSelect())
        }
        var query = Query(with: with, parts: parts, operators: operators)
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY", context: "after ORDER")
            if current.kind == .keyword && current.text.uppercased() == "ALL" {
                query.orderBy = try parseOrderByAll(parts[0])
            } else {
                repeat { query.orderBy.append(try parseOrderItem()) } while accept(symbol: ",")
            }
        }
        if accept(keyword: "LIMIT") {
            query.limit = try parseExpression()
            if accept(symbol: ",") {  // LIMIT offset, count (SQLite/MySQL form)
                query.offset = query.limit
                query.limit = try parseExpression()
            }
        }
        if accept(keyword: "OFFSET") { query.offset = try parseExpression() }
        return query
    }

    private mutating func parseOrderItem() throws(Diagnostic) -> OrderItem {
        let e = try parseExpression()
        let (descending, nullsFirst) = try parseOrderDirection()
        return OrderItem(expression: e, descending: descending, nullsFirst: nullsFirst)
    }

    /// `[ASC | DESC] [NULLS FIRST | LAST]` after an ORDER BY item.
    private mutating func parseOrderDirection() throws(Diagnostic) -> (descending: Bool, nullsFirst: Bool?) {
        var descending = false
        if accept(keyword: "DESC") { descending = true } else { _ = accept(keyword: "ASC") }
        var nullsFirst: Bool?
        if accept(keyword: "NULLS") {
            if accept(keyword: "FIRST") { nullsFirst = true }
            else if accept(keyword: "LAST") { nullsFirst = false }
            else { throw unexpected("expected FIRST or LAST after NULLS") }
        }
        return (descending, nullsFirst)
    }

    /// `ORDER BY ALL` (DuckDB's): every output column, left to right, as the ordinals 1, 2, …
    /// they stand for; the select list must be written out for its columns to be counted here.
    private mutating func parseOrderByAll(_ select: SelectStatement) throws(Diagnostic) -> [OrderItem] {
        let all = advance().span
        if let star = select.items.first(where: { if case .star = $0.expression { return true } else { return false } }) {
            throw Diagnostic(kind: .syntax, message: "ORDER BY ALL needs the select list written out, not *",
                             span: star.expression.span, hints: ["list the columns, or ORDER BY 1, 2, … by position"])
        }
        let (descending, nullsFirst) = try parseOrderDirection()
        return select.items.indices.map { i in
            OrderItem(expression: .literal(.integer(Int64(i + 1)), all), descending: descending, nullsFirst: nullsFirst)
        }
    }

    private mutating func parseSelect() throws(Diagnostic) -> SelectStatement {
        let start = current.span
        try expect(keyword: "SELECT", context: "to start a query")
        if isWord("TOP"), peekToken(1).kind == .integer {
            throw Diagnostic(kind: .syntax, message: "TOP is not BudgetQL", span: current.span.through(peekToken(1).span),
                             hints: ["write LIMIT \(peekToken(1).text) at the end of the query"])
        }
        var s = SelectStatement(span: start)
        if accept(keyword: "DISTINCT") { s.distinct = true } else { _ = accept(keyword: "ALL") }
        repeat { s.items.append(try parseSelectItem()) } while accept(symbol: ",")
        if accept(keyword: "FROM") {
            s.from = try parseTableReference()
            while true {
                let joinStart = current.span
                var kind: JoinKind?
                if accept(keyword: "JOIN") { kind = .inner }
                else if accept(keyword: "INNER") { try expect(keyword: "JOIN", context: "after INNER"); kind = .inner }
                else if accept(keyword: "LEFT") { _ = accept(keyword: "OUTER"); try expect(keyword: "JOIN", context: "after LEFT"); kind = .left }
                else if accept(keyword: "FULL") { _ = accept(keyword: "OUTER"); try expect(keyword: "JOIN", context: "after FULL"); kind = .full }
                else if accept(keyword: "CROSS") { try expect(keyword: "JOIN", context: "after CROSS"); kind = .cross }
                else if accept(keyword: "RIGHT") { _ = accept(keyword: "OUTER"); try expect(keyword: "JOIN", context: "after RIGHT"); kind = .right }
                else if accept(symbol: ",") { kind = .cross }
                guard let kind else { break }
                let table = try parseTableReference()
                var condition = JoinCondition.none
                if kind != .cross {
                    if accept(keyword: "ON") { condition = .on(try parseExpression()) }
                    else if accept(keyword: "USING") {
                        try expect(symbol: "(", context: "after USING")
                        var columns: [(String, SourceSpan)] = []
                        repeat {
                            let t = current
                            guard t.kind == .identifier || t.kind == .quotedIdentifier else { throw unexpected("expected a column name in USING") }
                            _ = advance()
                            columns.append((t.text, t.span))
                        } while accept(symbol: ",")
                        try expect(symbol: ")", context: "to close USING")
                        condition = .using(columns)
                    } else {
                        throw unexpected("expected ON or USING after the joined table", keywords: ["ON", "USING"])
                    }
                }
                s.joins.append(Join(kind: kind, table: table, condition: condition, span: joinStart.through(previous.span)))
            }
        }
        if accept(keyword: "WHERE") { s.whereClause = try parseExpression() }
        if accept(keyword: "GROUP") {
            try expect(keyword: "BY", context: "after GROUP")
            if current.isKeyword("ALL") {
                s.groupBy = .all(advance().span)
            } else {
                let start = current.span
                var items: [GroupingItem] = []
                repeat { items.append(try parseGroupingItem()) } while accept(symbol: ",")
                if items.allSatisfy({ if case .expression = $0 { return true } else { return false } }) {
                    s.groupBy = .expressions(items.compactMap { if case .expression(let e) = $0 { return e } else { return nil } })
                } else {
                    s.groupBy = .sets(items, start.through(previous.span))
                }
            }
        }
        if accept(keyword: "HAVING") { s.having = try parseExpression() }
        if accept(keyword: "PIVOT") {
            try expect(keyword: "BY", context: "after PIVOT")
            s.pivotBy = try parseExpression()
        }
        s.span = start.through(previous.span)
        return s
    }

    private mutating func parseSelectItem() throws(Diagnostic) -> SelectItem {
        if current.isSymbol("*") {
            let t = advance()
            return SelectItem(expression: .star(table: nil, t.span), alias: nil, aliasSpan: nil)
        }
        if current.kind == .identifier || current.kind == .quotedIdentifier, peekToken(1).isSymbol("."), peekToken(2).isSymbol("*") {
            let t = advance(); _ = advance(); let star = advance()
            return SelectItem(expression: .star(table: t.text, t.span.through(star.span)), alias: nil, aliasSpan: nil)
        }
        let e = try parseExpression()
        if accept(keyword: "AS") {
            let t = current
            guard t.kind == .identifier || t.kind == .quotedIdentifier || t.kind == .string else { throw unexpected("expected a name after AS") }
            _ = advance()
            return SelectItem(expression: e, alias: t.text, aliasSpan: t.span)
        }
        if current.kind == .identifier || current.kind == .quotedIdentifier {
            let t = current
            // `SELECT a FORM t`: a misspelt clause keyword would silently become an alias.
            if t.kind == .identifier, let keyword = Suggestions.closest(to: t.text.uppercased(), among: Parser.clauseKeywords) {
                throw Diagnostic(kind: .syntax, message: "unexpected \"\(t.text)\" after \(e.displayName)", span: t.span,
                                 hints: ["did you mean \(keyword)?", "to name the column \(t.text), write AS \(t.text)"])
            }
            _ = advance()
            // `SELECT class sum(amount)`: a comma is missing, the "alias" is a call's name.
            if current.isSymbol("(") || current.kind == .identifier || current.kind == .integer {
                throw Diagnostic(kind: .syntax, message: "missing comma between select items? \"\(t.text)\" reads as a name for \(e.displayName)",
                                 span: t.span, hints: ["separate the items: \(e.displayName), \(t.text)…"])
            }
            return SelectItem(expression: e, alias: t.text, aliasSpan: t.span)
        }
        return SelectItem(expression: e, alias: nil, aliasSpan: nil)
    }

    private mutating func parseTableReference() throws(Diagnostic) -> TableReference {
        if current.isSymbol("("), startsQuery(ahead: 1) {
            let open = advance()
            try enter()
            let query = try parseQuery()
            depth -= 1
            try expect(symbol: ")", context: "to close the subquery")
            _ = accept(keyword: "AS")
            var alias = "subquery"
            if current.kind == .identifier || current.kind == .quotedIdentifier { alias = advance().text }
            return TableReference(name: alias, alias: alias, span: open.span.through(previous.span), subquery: query)
        }
        let t = current
        guard t.kind == .identifier || t.kind == .quotedIdentifier else { throw unexpected("expected a table name") }
        _ = advance()
        var alias: String?
        if accept(keyword: "AS") {
            guard current.kind == .identifier || current.kind == .quotedIdentifier else { throw unexpected("expected an alias after AS") }
            alias = advance().text
        } else if current.kind == .quotedIdentifier || (current.kind == .identifier && Parser.unsupported[current.text.uppercased()] == nil) {
            alias = advance().text
        }
        return TableReference(name: t.text, alias: alias, span: t.span)
    }

    // MARK: expressions, lowest precedence first

    mutating func parseExpression() throws(Diagnostic) -> Expression {
        try enter()
        defer { depth -= 1 }
        return try parseOr()
    }

    private mutating func enter() throws(Diagnostic) {
        depth += 1
        if depth > Parser.maxDepth {
            throw Diagnostic(kind: .limit, message: "expression nested too deeply (more than \(Parser.maxDepth) levels)", span: current.span,
                             hints: ["split it into simpler parts"])
        }
    }

    /// The value of an integer-literal arithmetic tree (bounded depth: the parser's limits).
    static func integerValue(_ e: Expression) -> Int64? {
        switch e {
        case .literal(.integer(let i), _): return i
        case .binary(let op, let l, let r, _):
            guard let a = integerValue(l), let b = integerValue(r) else { return nil }
            let result: (Int64, Bool)
            switch op {
            case .add: result = a.addingReportingOverflow(b)
            case .subtract: result = a.subtractingReportingOverflow(b)
            case .multiply: result = a.multipliedReportingOverflow(by: b)
            default: return nil
            }
            return result.1 ? nil : result.0
        default: return nil
        }
    }

    /// A binary node, or its value when both sides are integer literals and the statement is
    /// already long (so `1 + 1 + ... + 1` with 100,000 terms is one literal, not a deep tree).
    private mutating func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) throws(Diagnostic) -> Expression {
        let span = left.span.through(right.span)
        if operators >= 64, let a = Parser.integerValue(left), let b = Parser.integerValue(right) {
            let folded: (Int64, Bool)?
            switch op {
            case .add: folded = a.addingReportingOverflow(b)
            case .subtract: folded = a.subtractingReportingOverflow(b)
            case .multiply: folded = a.multipliedReportingOverflow(by: b)
            default: folded = nil
            }
            if let (v, overflow) = folded, !overflow { return .literal(.integer(v), span) }
        }
        operators += 1
        if operators > Parser.maxOperators {
            throw Diagnostic(kind: .limit, message: "expression too long (more than \(Parser.maxOperators) operators)", span: right.span,
                             hints: ["use IN (...) for long lists of alternatives"])
        }
        return .binary(op, left, right, span)
    }

    private mutating func parseOr() throws(Diagnostic) -> Expression {
        var left = try parseAnd()
        while accept(keyword: "OR") {
            let right = try parseAnd()
            left = try binary(.or, left, right)
        }
        return left
    }

    private mutating func parseAnd() throws(Diagnostic) -> Expression {
        var left = try parseNot()
        while accept(keyword: "AND") {
            let right = try parseNot()
            left = try binary(.and, left, right)
        }
        return left
    }

    private mutating func parseNot() throws(Diagnostic) -> Expression {
        if current.isKeyword("NOT") {
            let t = advance()
            try enter()
            defer { depth -= 1 }
            let e = try parseNot()
            return .unary(.not, e, t.span.through(e.span))
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(Diagnostic) -> Expression {
        let left = try parseConcat()
        let t = current
        if t.kind == .symbol, let op = BinaryOperator.comparison(t.text) {
            _ = advance()
            let right = try parseConcat()
            return try binary(op, left, right)
        }
        if accept(keyword: "IS") {
            let negated = accept(keyword: "NOT")
            if accept(keyword: "TRUE") { return .isTruth(left, true, negated: negated, left.span.through(previous.span)) }
            if accept(keyword: "FALSE") { return .isTruth(left, false, negated: negated, left.span.through(previous.span)) }
            if accept(keyword: "DISTINCT") {
                try expect(keyword: "FROM", context: "after IS DISTINCT")
                let right = try parseConcat()
                return .isDistinct(left, right, negated: negated, left.span.through(right.span))
            }
            guard accept(keyword: "NULL") else { throw unexpected("expected NULL, TRUE, FALSE or DISTINCT FROM after IS") }
            return .isNull(left, negated: negated, left.span.through(previous.span))
        }
        var negated = false
        if current.isKeyword("NOT"), peekToken(1).isKeyword("IN") || peekToken(1).isKeyword("LIKE")
            || peekToken(1).isKeyword("ILIKE") || peekToken(1).isKeyword("BETWEEN") {
            _ = advance()
            negated = true
        }
        if accept(keyword: "IN") {
            try expect(symbol: "(", context: "after IN")
            if startsQuery(ahead: 0) {
                try enter()
                let q = try parseQuery()
                depth -= 1
                try expect(symbol: ")", context: "to close the IN subquery")
                return .inSubquery(left, q, negated: negated, left.span.through(previous.span))
            }
            var list: [Expression] = []
            repeat { list.append(try parseExpression()) } while accept(symbol: ",")
            try expect(symbol: ")", context: "to close the IN list")
            return .inList(left, list, negated: negated, left.span.through(previous.span))
        }
        if accept(keyword: "BETWEEN") {
            let lo = try parseConcat()
            try expect(keyword: "AND", context: "in BETWEEN")
            let hi = try parseConcat()
            return .between(left, lo, hi, negated: negated, left.span.through(hi.span))
        }
        if current.isKeyword("LIKE") || current.isKeyword("ILIKE") {
            let ci = advance().text == "ILIKE"
            let pattern: Expression
            do {
                pattern = try parseConcat()
            } catch {
                // `LIKE %万里%` and `LIKE 208%`: the pattern was not quoted.
                throw Diagnostic(kind: error.kind, message: error.message, span: error.span,
                                 hints: error.hints + ["a LIKE pattern is text: LIKE '%万里%' or LIKE '208%'"])
            }
            var escape: Expression?
            if acceptWord("ESCAPE") {
                do { escape = try parseConcat() } catch {
                    throw Diagnostic(kind: error.kind, message: error.message, span: error.span,
                                     hints: error.hints + ["ESCAPE takes one character in quotes: LIKE '100!%' ESCAPE '!'"])
                }
            }
            return .like(left, pattern, caseInsensitive: ci, negated: negated, escape: escape, left.span.through((escape ?? pattern).span))
        }
        if negated { throw unexpected("expected IN, LIKE or BETWEEN after NOT") }
        return left
    }

    private mutating func parseConcat() throws(Diagnostic) -> Expression {
        var left = try parseAdditive()
        while accept(symbol: "||") {
            let right = try parseAdditive()
            left = try binary(.concat, left, right)
        }
        return left
    }

    private mutating func parseAdditive() throws(Diagnostic) -> Expression {
        var left = try parseMultiplicative()
        while current.isSymbol("+") || current.isSymbol("-") {
            let op: BinaryOperator = advance().text == "+" ? .add : .subtract
            let right = try parseMultiplicative()
            left = try binary(op, left, right)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(Diagnostic) -> Expression {
        var left = try parseUnary()
        while current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
            let text = advance().text
            let op: BinaryOperator = text == "*" ? .multiply : text == "/" ? .divide : .modulo
            let right = try parseUnary()
            left = try binary(op, left, right)
        }
        return left
    }

    private mutating func parseUnary() throws(Diagnostic) -> Expression {
        if current.isSymbol("-") {
            let t = advance()
            try enter()
            defer { depth -= 1 }
            let e = try parseUnary()
            // Fold a negative literal so that -9223372036854775808 and -1.5 stay literals.
            if case .literal(.integer(let i), let s) = e, i != .min { return .literal(.integer(-i), t.span.through(s)) }
            if case .literal(.decimal(let d), let s) = e {
                let negated = d.text.hasPrefix("-") ? String(d.text.dropFirst()) : "-" + d.text
                return .literal(.decimal(ExactDecimalLiteral(text: negated)), t.span.through(s))
            }
            return .unary(.negate, e, t.span.through(e.span))
        }
        if accept(symbol: "+") {
            try enter()
            defer { depth -= 1 }
            return try parseUnary()
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(Diagnostic) -> Expression {
        let t = current
        switch t.kind {
        case .integer:
            _ = advance()
            guard let i = Int64(t.text) else {
                // Too long for 64 bits: keep it exact as a decimal.
                return .literal(.decimal(ExactDecimalLiteral(text: t.text)), t.span)
            }
            return .literal(.integer(i), t.span)
        case .decimal:
            _ = advance()
            return .literal(.decimal(ExactDecimalLiteral(text: t.text)), t.span)
        case .string:
            _ = advance()
            return .literal(.string(t.text), t.span)
        case .parameter:
            _ = advance()
            return .parameter(t.text, t.span)
        case .keyword:
            switch t.text {
            case "NULL": _ = advance(); return .literal(.null, t.span)
            case "TRUE": _ = advance(); return .literal(.boolean(true), t.span)
            case "FALSE": _ = advance(); return .literal(.boolean(false), t.span)
            case "CASE": return try parseCase()
            case "CAST":
                _ = advance()
                try expect(symbol: "(", context: "after CAST")
                let e = try parseExpression()
                try expect(keyword: "AS", context: "in CAST")
                let typeToken = current
                guard typeToken.kind == .identifier else { throw unexpected("expected a type name (INTEGER, DECIMAL, TEXT, BOOLEAN)") }
                _ = advance()
                var typeName = typeToken.text
                if accept(symbol: "(") {
                    // DECIMAL(p, s) / NUMERIC(p, s): kept in the name, checked by the binder.
                    var numbers: [String] = []
                    repeat {
                        guard current.kind == .integer else { throw unexpected("expected a number in \(typeToken.text)(precision, scale)") }
                        numbers.append(advance().text)
                    } while accept(symbol: ",")
                    try expect(symbol: ")", context: "to close \(typeToken.text)(…)")
                    typeName += "(" + numbers.joined(separator: ",") + ")"
                }
                try expect(symbol: ")", context: "to close CAST")
                return .cast(e, typeName: typeName, t.span.through(previous.span))
            case "LEFT" where peekToken(1).isSymbol("("), "RIGHT" where peekToken(1).isSymbol("("):
                return try parseCall(name: advance())
            default:
                throw unexpected("expected an expression")
            }
        case .identifier where t.text.uppercased() == "EXISTS" && peekToken(1).isSymbol("(") && startsQuery(ahead: 2):
            _ = advance(); _ = advance()
            try enter()
            let q = try parseQuery()
            depth -= 1
            try expect(symbol: ")", context: "to close EXISTS (SELECT …)")
            return .exists(q, t.span.through(previous.span))
        case .identifier where t.text.unicodeScalars.allSatisfy({ ("\u{FF10}"..."\u{FF19}").contains($0) || $0 == "\u{FF0E}" }):
            // １２３ typed with a Chinese input method: a number meant, in full-width digits.
            let ascii = String(String.UnicodeScalarView(t.text.unicodeScalars.map { $0 == "\u{FF0E}" ? "." : Unicode.Scalar($0.value - 0xFF10 + 0x30) ?? $0 }))
            throw Diagnostic(kind: .syntax, message: "\(t.text) is written in full-width digits", span: t.span, hints: ["write the number in ASCII digits: \(ascii)"])
        case .identifier, .quotedIdentifier:
            _ = advance()
            if t.kind == .identifier, current.isSymbol("(") { return try parseCall(name: t) }
            if accept(symbol: ".") {
                let c = current
                if c.isSymbol("*") {
                    _ = advance()
                    return .star(table: t.text, t.span.through(c.span))
                }
                guard c.kind == .identifier || c.kind == .quotedIdentifier else { throw unexpected("expected a column name after \"\(t.text).\"") }
                _ = advance()
                return .column(table: t.text, name: c.text, t.span.through(c.span))
            }
            return .column(table: nil, name: t.text, t.span)
        case .symbol where t.text == "(" && startsQuery(ahead: 1):
            _ = advance()
            try enter()
            let q = try parseQuery()
            depth -= 1
            try expect(symbol: ")", context: "to close the subquery")
            return .subquery(q, t.span.through(previous.span))
        case .symbol where t.text == "(":
            _ = advance()
            let e = try parseExpression()
            try expect(symbol: ")", context: "to close the parenthesis")
            return e
        default:
            throw unexpected("expected an expression")
        }
    }

    private mutating func parseCall(name: Token) throws(Diagnostic) -> Expression {
        try expect(symbol: "(", context: "after the function name")
        if name.text.uppercased() == "POSITION" {
            // SQL's position(sub IN s) is strpos(s, sub).
            let sub = try parseConcat()
            try expect(keyword: "IN", context: "in position(substring IN text)")
            let text = try parseExpression()
            try expect(symbol: ")", context: "to close position(…)")
            let strpos = Token(kind: .identifier, text: "strpos", span: name.span)
            return .call(FunctionCall(name: strpos.text, nameSpan: name.span, arguments: [text, sub], distinct: false, star: false,
                                      filter: nil, span: name.span.through(previous.span)))
        }
        var arguments: [Expression] = []
        var distinct = false
        var star = false
        if accept(symbol: "*") {
            star = true
        } else if !current.isSymbol(")") {
            distinct = accept(keyword: "DISTINCT")
            repeat { arguments.append(try parseExpression()) } while accept(symbol: ",")
        }
        var orderBy: [OrderItem] = []
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY", context: "after ORDER in a call")
            repeat { orderBy.append(try parseOrderItem()) } while accept(symbol: ",")
        }
        try expect(symbol: ")", context: "to close the call of \(name.text)")
        var filter: Expression?
        if accept(keyword: "FILTER") {
            try expect(symbol: "(", context: "after FILTER")
            try expect(keyword: "WHERE", context: "in FILTER (WHERE ...)")
            filter = try parseExpression()
            try expect(symbol: ")", context: "to close FILTER")
        }
        var over: WindowSpec?
        // OVER and the window's words are not reserved (a column may be called "rows"): they
        // are read as words here only, after a call.
        if current.kind == .identifier, current.text.uppercased() == "OVER", peekToken(1).isSymbol("(") {
            _ = advance()
            over = try parseWindow()
        }
        return .call(FunctionCall(name: name.text, nameSpan: name.span, arguments: arguments, distinct: distinct,
                                  star: star, filter: filter, over: over, orderBy: orderBy, span: name.span.through(previous.span)))
    }

    /// An item of GROUP BY: an expression, ROLLUP (…), CUBE (…) or GROUPING SETS ((…), …). The
    /// words are read as such only here (a column may be called rollup).
    private mutating func parseGroupingItem() throws(Diagnostic) -> GroupingItem {
        func list() throws(Diagnostic) -> [Expression] {
            try expect(symbol: "(", context: "to open the list")
            var es: [Expression] = []
            if !current.isSymbol(")") { repeat { es.append(try parseExpression()) } while accept(symbol: ",") }
            try expect(symbol: ")", context: "to close the list")
            return es
        }
        if isWord("ROLLUP"), peekToken(1).isSymbol("(") { _ = advance(); return .rollup(try list()) }
        if isWord("CUBE"), peekToken(1).isSymbol("(") { _ = advance(); return .cube(try list()) }
        if isWord("GROUPING"), isWord("SETS", ahead: 1) {
            _ = advance(); _ = advance()
            try expect(symbol: "(", context: "after GROUPING SETS")
            var sets: [[Expression]] = []
            repeat {
                if current.isSymbol("(") { sets.append(try list()) } else { sets.append([try parseExpression()]) }
            } while accept(symbol: ",")
            try expect(symbol: ")", context: "to close GROUPING SETS")
            return .sets(sets)
        }
        return .expression(try parseExpression())
    }

    /// Whether a query (SELECT, or WITH name AS) starts `ahead` tokens on.
    private func startsQuery(ahead: Int) -> Bool {
        peekToken(ahead).isKeyword("SELECT")
            || (isWord("WITH", ahead: ahead) && (peekToken(ahead + 1).kind == .identifier || peekToken(ahead + 1).kind == .quotedIdentifier)
                && peekToken(ahead + 2).isKeyword("AS"))
    }

    private func isWord(_ word: String, ahead: Int = 0) -> Bool {
        let t = peekToken(ahead)
        return (t.kind == .identifier || t.kind == .keyword) && t.text.uppercased() == word
    }

    private mutating func acceptWord(_ word: String) -> Bool {
        if isWord(word) { _ = advance(); return true }
        return false
    }

    /// `( [PARTITION BY e, …] [ORDER BY item, …] [ROWS|RANGE frame] )`.
    private mutating func parseWindow() throws(Diagnostic) -> WindowSpec {
        try expect(symbol: "(", context: "after OVER")
        try enter()
        defer { depth -= 1 }
        var spec = WindowSpec()
        if acceptWord("PARTITION") {
            try expect(keyword: "BY", context: "after PARTITION")
            repeat { spec.partitionBy.append(try parseExpression()) } while accept(symbol: ",")
        }
        if accept(keyword: "ORDER") {
            try expect(keyword: "BY", context: "after ORDER")
            repeat { spec.orderBy.append(try parseOrderItem()) } while accept(symbol: ",")
        }
        if isWord("ROWS") || isWord("RANGE") {
            let unit: WindowFrame.Unit = advance().text.uppercased() == "ROWS" ? .rows : .range
            if accept(keyword: "BETWEEN") {
                let start = try parseFrameBound()
                try expect(keyword: "AND", context: "between the frame's start and end")
                spec.frame = WindowFrame(unit: unit, start: start, end: try parseFrameBound())
            } else {
                spec.frame = WindowFrame(unit: unit, start: try parseFrameBound(), end: .currentRow)
            }
        }
        try expect(symbol: ")", context: "to close the window (OVER (PARTITION BY … ORDER BY … ROWS …))")
        return spec
    }

    private mutating func parseFrameBound() throws(Diagnostic) -> WindowFrame.Bound {
        if acceptWord("UNBOUNDED") {
            if acceptWord("PRECEDING") { return .unboundedPreceding }
            if acceptWord("FOLLOWING") { return .unboundedFollowing }
            throw unexpected("expected PRECEDING or FOLLOWING after UNBOUNDED")
        }
        if acceptWord("CURRENT") {
            guard acceptWord("ROW") else { throw unexpected("expected ROW after CURRENT") }
            return .currentRow
        }
        let t = current
        guard t.kind == .integer, let n = Int64(t.text) else {
            throw unexpected("expected a frame bound: UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW, n FOLLOWING or UNBOUNDED FOLLOWING")
        }
        _ = advance()
        if acceptWord("PRECEDING") { return .preceding(n) }
        if acceptWord("FOLLOWING") { return .following(n) }
        throw unexpected("expected PRECEDING or FOLLOWING after \(n)")
    }

    private mutating func parseCase() throws(Diagnostic) -> Expression {
        let start = advance()
        var operand: Expression?
        if !current.isKeyword("WHEN") { operand = try parseExpression() }
        var branches: [(Expression, Expression)] = []
        while accept(keyword: "WHEN") {
            let w = try parseExpression()
            try expect(keyword: "THEN", context: "after the WHEN condition")
            branches.append((w, try parseExpression()))
        }
        guard !branches.isEmpty else { throw unexpected("expected WHEN in CASE") }
        var otherwise: Expression?
        if accept(keyword: "ELSE") { otherwise = try parseExpression() }
        try expect(keyword: "END", context: "to close CASE")
        return .caseWhen(operand: operand, branches, otherwise: otherwise, start.span.through(previous.span))
    }
}

extension BinaryOperator {
    static func comparison(_ symbol: String) -> BinaryOperator? {
        switch symbol {
        case "=": return .equal
        case "<>", "!=": return .notEqual
        case "<": return .less
        case "<=": return .lessEqual
        case ">": return .greater
        case ">=": return .greaterEqual
        default: return nil
        }
    }
}

extension SourceSpan {
    /// From the start of this span to the end of `other`.
    func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(line: line, column: column, range: range.lowerBound..<max(range.upperBound, other.range.upperBound))
    }
}
