namespace CareStories.Domain.Data;

/// <summary>
/// On SQLite the spend ledger's partial index (<c>IX_Stories_Status_OccurredOn_Spend</c>, stories with spend by status
/// and the day they happened) also holds each story's spend, so Insights' spend lines are read from the index alone
/// (SQLite's indexes all carry the row id). Without it each of a year's ~6,000 lines was a lookup into the stories
/// table, the largest as its rows carry the texts: in the sqlite3 shell on the benchmark's data 26-37 -> 7-10 ms, most
/// of it the system's time reading those rows' pages. EF Core cannot say it, as the spend is a complex property; the
/// model keeps the index as it was (same name, keys and filter), so a later migration that drops or renames it must
/// write this again. PostgreSQL's version is <see cref="PostgresSpendLedgerIndex"/>.
/// </summary>
public static class SqliteSpendLedgerIndex
{
    private const string Drop = """DROP INDEX "IX_Stories_Status_OccurredOn_Spend";""";

    public const string Covering = Drop + """
        CREATE INDEX "IX_Stories_Status_OccurredOn_Spend" ON "Stories" ("Status", "OccurredOn", "SpendAmount", "SpendCurrency")
            WHERE "SpendAmount" IS NOT NULL;
        """;

    public const string KeysOnly = Drop + """
        CREATE INDEX "IX_Stories_Status_OccurredOn_Spend" ON "Stories" ("Status", "OccurredOn") WHERE "SpendAmount" IS NOT NULL;
        """;
}
