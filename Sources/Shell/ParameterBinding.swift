import Foundation

import Store

/// A `name=value` parameter from `--param`, `.param set` or `.run NAME k=v`. Values are typed
/// the way a literal would be: 208 an integer, 12.50 an exact decimal, 'text' or anything else text.
public struct ParameterBinding: Sendable, Equatable {
    public let name: String
    public let value: Value

    public init(name: String, value: Value) {
        self.name = name
        self.value = value
    }

    /// Parses `name=value`; nil when there is no `=` or the name is not an identifier.
    public static func parse(_ text: String) -> ParameterBinding? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        var name = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        if name.hasPrefix(":") { name.removeFirst() }
        guard isIdentifier(name) else { return nil }
        return ParameterBinding(name: name, value: value(of: String(text[text.index(after: eq)...])))
    }

    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The typed value of parameter text.
    public static func value(of raw: String) -> Value {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            return .text(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        if text.uppercased() == "NULL" { return .null }
        if text.lowercased() == "true" { return .boolean(true) }
        if text.lowercased() == "false" { return .boolean(false) }
        if let i = Int64(text) { return .integer(i) }
        if text.contains("."), let d = ExactDecimal(text) { return .decimal(d) }
        return .text(text)
    }

    /// How a value is shown back in `.param list`: text quoted, so 208 and '208' differ.
    public static func literal(_ value: Value) -> String {
        if case .text(let s) = value { return "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        return value.description
    }
}
