/// Every rule BudgetQL applies to a disclosure, one declaration each. `checks.rule` holds the
/// id; `budgetql rules` prints this list; the tests require one injected fault per rule.
public enum RuleCatalogue {
    // MARK: 0 reading: what extraction mended or could not read (not faults of the document)
    static let repaired = AuditRule("R0.repaired", .reading, .notice, "a code or name broken by extraction was mended (the detail says how)")
    static let unparsedNumber = AuditRule("R0.unparsed-number", .reading, .warning, "a number printed in a table could not be placed in a column")
    static let unparsedSentence = AuditRule("R0.unparsed-sentence", .reading, .warning, "a narrative statement of change could not be read fully")
    static let unparsedTarget = AuditRule("R0.unparsed-target", .reading, .warning, "a line of a 绩效目标 table could not be read")
    static let narrativeRepaired = AuditRule("R0.narrative-repaired", .reading, .notice, "a narrative sentence was read by assuming a look-alike name")

    // MARK: 1 identity and year
    static let unitHeading = AuditRule("T1.unit-heading", .identity, .error, "a table heading (编制单位/编制部门, or a part's title) names another unit than the cover")
    static let yearHeading = AuditRule("T1.year-heading", .identity, .error, "a table title's year is not the document's year")
    static let stageHeading = AuditRule("T1.stage-heading", .identity, .error, "a table title says 决算 in a 预算 (or only 预算 in a 决算)")
    static let yearSelf = AuditRule("N1.year-self", .identity, .error, "the narrative compares the year with itself (比YYYY年 in a YYYY document)")
    static let yearEnd = AuditRule("N1.year-end", .identity, .error, "a 决算 names the year-end of another year (截至YYYY年12月31日, YYYY年末)")
    static let unitName = AuditRule("N1.unit-name", .identity, .error, "the narrative names the unit with one character changed (规划与自然资源局 for 规划和自然资源局)")
    static let assetDate = AuditRule("N1.asset-date", .identity, .warning, "a 预算's asset count is dated (截至YYYY年) in neither the previous nor the budget year")

    // MARK: 2 completeness
    static let missingTable = AuditRule("T2.missing", .completeness, .error, "a table listed in 目录 is not printed")
    static let tableOrder = AuditRule("T2.order", .completeness, .warning, "the tables are printed in another order than 目录 lists them")
    static let duplicateTable = AuditRule("T2.duplicate", .completeness, .warning, "a standard table is printed twice")
    static let emptyUnstated = AuditRule("T2.empty-unstated", .completeness, .error, "a table printed with no rows does not say so (本表无数据, 无…经费)")
    static let statementWithRows = AuditRule("T2.statement-with-rows", .completeness, .error, "a table says it has no data but prints rows")
    static let standardAbsent = AuditRule("T2.standard-absent", .completeness, .warning, "a standard table of the template is neither listed nor printed")

    // MARK: 3 within a table
    static let classSum = AuditRule("T3.class-sum", .withinTable, .error, "a class (类) row = Σ its sections, column by column")
    static let sectionSum = AuditRule("T3.section-sum", .withinTable, .error, "a section (款) row = Σ its items, column by column")
    static let grandTotal = AuditRule("T3.grand-total", .withinTable, .error, "合计 = Σ the top rows, column by column")
    static let projectSum = AuditRule("T3.project-sum", .withinTable, .error, "an item of the project table = Σ its projects")
    static let rowTotal = AuditRule("T3.row-total", .withinTable, .error, "each row's total = Σ its parts (合计 = 基本 + 项目, 本年收入 = its sources)")
    static let balance = AuditRule("T3.balance", .withinTable, .error, "a two-sided table balances: 收入总计 = 支出总计")
    static let illegibleFigure = AuditRule("T3.illegible-figure", .withinTable, .error, "a figure printed as ### (its cell too narrow for it) that the row's arithmetic cannot give: the PDF does not hold it")
    static let negative = AuditRule("T3.negative", .withinTable, .warning, "a negative figure where the template allows none")
    static let nameReference = AuditRule("T3.name-reference", .withinTable, .error, "a row's (code, name) differs from the reference classification")
    static let formerName = AuditRule("T3.former-name", .withinTable, .notice, "a row names its code by a former name of the classification")

    // MARK: 4 between tables
    static let overviewSpending = AuditRule("T4.overview-spending", .betweenTables, .error, "收支总表's spending by class = 支出表's class totals")
    static let overviewSplit = AuditRule("T4.overview-split", .betweenTables, .error, "收支总表's 基本支出 (or 人员经费 + 公用经费) and 项目支出 by class = 支出表's columns")
    static let spendingIncomeClass = AuditRule("T4.spending-income-class", .betweenTables, .error, "支出表 by class = 收入表 by class")
    static let spendingIncomeTotal = AuditRule("T4.spending-income-total", .betweenTables, .error, "支出表 合计 = 收入表 合计")
    static let appropriationGeneralClass = AuditRule("T4.appropriation-general-class", .betweenTables, .error, "财政拨款收支总表's general budget by class = 一般公共预算支出表")
    static let appropriationGeneralTotal = AuditRule("T4.appropriation-general-total", .betweenTables, .error, "财政拨款收支总表's general budget total = 一般公共预算支出表 合计")
    static let basicGeneral = AuditRule("T4.basic-general", .betweenTables, .error, "基本支出表 合计 = the basic column of 一般公共预算支出表 (or 支出表)")
    static let overviewIncomeTotal = AuditRule("T4.overview-income-total", .betweenTables, .error, "收支总表's 本年收入 = 收入表 合计")
    static let overviewSpendingTotal = AuditRule("T4.overview-spending-total", .betweenTables, .error, "收支总表's 本年支出 = 支出表 合计")
    static let fundAppropriation = AuditRule("T4.fund-appropriation", .betweenTables, .error, "财政拨款收支总表's 政府性基金 spending = 政府性基金支出表 合计")
    static let nameAcrossTables = AuditRule("T4.name-across-tables", .betweenTables, .error, "one code carries different names in two tables of the document")

    // MARK: 5 narrative against tables
    static let narrativeIncomeTotal = AuditRule("N5.income-total", .narrative, .error, "the narrative's income total (收入预算/收入总计 X万元) = 收入表 合计")
    static let narrativeSpendingTotal = AuditRule("N5.spending-total", .narrative, .error, "the narrative's spending total (支出预算/支出总计 X万元) = 支出表 合计")
    static let change = AuditRule("N5.change", .narrative, .error, "a stated change (增加/减少 Y万元) = this year's − the compared figure")
    static let percent = AuditRule("N5.percent", .narrative, .error, "a stated growth rate (增长/下降 Z%) = the change over the compared figure")
    static let completion = AuditRule("N5.completion", .narrative, .error, "a 决算's 完成年初预算的Z% = the final figure over the 年初预算 it states")
    static let share = AuditRule("N5.share", .narrative, .error, "a share (其中…X万元，占Y%) = the figure over the total it is part of")
    static let shareRange = AuditRule("N5.share-range", .narrative, .error, "a share (占Y%) is at most 100%")
    static let wordSign = AuditRule("N5.word-sign", .narrative, .error, "one change is called both an increase and a decrease, or 增加 a negative figure")
    static let comparisonWord = AuditRule("N5.comparison-word", .narrative, .error, "大于/小于/等于 between two figures agrees with the figures")
    static let flat = AuditRule("N5.flat", .narrative, .error, "持平 (no change) beside a non-zero change")
    static let reasonMissing = AuditRule("N5.reason-missing", .narrative, .warning, "a change of 10% or more gives no 主要原因")
    static let notInTables = AuditRule("N5.not-in-tables", .narrative, .warning, "an item's amount in the narrative is printed for that code in none of the tables")
    static let narrativeFormerName = AuditRule("N5.former-name", .narrative, .notice, "the narrative names a class or item by a former name")
    static let narrativeName = AuditRule("N5.name", .narrative, .warning, "the narrative names a code otherwise than the tables and the reference")
    static let sameItemAmounts = AuditRule("N5.same-item-amounts", .narrative, .error, "one item is quoted with two different amounts in one section")
    static let threePublic = AuditRule("N5.three-public", .narrative, .error, "the narrative's 三公 figures = the 三公 table")
    static let operatingCost = AuditRule("N5.operating-cost", .narrative, .error, "the narrative's 机关运行经费 = the table's")

    // MARK: 6 text hygiene
    static let placeholder = AuditRule("N6.placeholder", .hygiene, .error, "a placeholder is left in the text (XX, ××, {单位}, 某某)")
    static let tablePlaceholder = AuditRule("T6.placeholder", .hygiene, .error, "a placeholder is left in a table title, heading or row name")
    static let doubledPunctuation = AuditRule("N6.doubled-punctuation", .hygiene, .warning, "doubled punctuation (。。 ，，)")
    static let unbalancedQuotes = AuditRule("N6.unbalanced-quotes", .hygiene, .warning, "a sentence opens a quotation (“) it does not close, or the reverse")
    static let unbalancedBrackets = AuditRule("N6.unbalanced-brackets", .hygiene, .warning, "a sentence opens a bracket （ it does not close, or the reverse")
    static let percentSign = AuditRule("N6.percent-sign", .hygiene, .warning, "a growth rate or share printed without its % (增长13.95。)")
    static let zeroIncrease = AuditRule("N6.zero-increase", .hygiene, .error, "a figure of 0万元 said to have increased by a non-zero amount")

    /// Every rule, in family order: what `budgetql rules` lists.
    public static let all: [AuditRule] = [
        repaired, unparsedNumber, unparsedSentence, unparsedTarget, narrativeRepaired,
        unitHeading, yearHeading, stageHeading, yearSelf, yearEnd, unitName, assetDate,
        missingTable, tableOrder, duplicateTable, emptyUnstated, statementWithRows, standardAbsent,
        classSum, sectionSum, grandTotal, projectSum, rowTotal, balance, illegibleFigure, negative, nameReference, formerName,
        overviewSpending, overviewSplit, spendingIncomeClass, spendingIncomeTotal, appropriationGeneralClass, appropriationGeneralTotal,
        basicGeneral, overviewIncomeTotal, overviewSpendingTotal, fundAppropriation, nameAcrossTables,
        narrativeIncomeTotal, narrativeSpendingTotal, change, percent, completion, share, shareRange, wordSign, comparisonWord, flat,
        reasonMissing, notInTables, narrativeFormerName, narrativeName, sameItemAmounts, threePublic, operatingCost,
        placeholder, tablePlaceholder, doubledPunctuation, unbalancedQuotes, unbalancedBrackets, percentSign, zeroIncrease,
    ]
}
