import Shell

print("budgetql \(Shell.version())")
