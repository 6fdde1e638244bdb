print("budgetql-bench: not yet")
