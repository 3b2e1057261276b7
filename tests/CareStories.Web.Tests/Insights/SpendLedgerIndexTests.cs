namespace CareStories.Web.Tests.Insights;

/// <summary>
/// The spend ledger's index carries the spend lines' columns, so Insights reads a year's spend from the index alone:
/// on PostgreSQL the id and the spend in its leaves (a PostgreSQL index holds no row id), on SQLite the spend as keys
/// after the status and the day (a SQLite index carries the row id). EF Core cannot describe either, so each
/// database's migration writes it in SQL and nothing else would notice it going missing.
/// </summary>
public sealed class SpendLedgerIndexTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task The_spend_ledgers_index_carries_the_spend_lines_columns_on_both_databases()
    {
        var definition = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(TestDatabase.IsPostgres
                ? """SELECT indexdef AS "Value" FROM pg_indexes WHERE indexname = 'IX_Stories_Status_OccurredOn_Spend'"""
                : """SELECT sql AS "Value" FROM sqlite_master WHERE name = 'IX_Stories_Status_OccurredOn_Spend'""")
            .SingleAsync());

        Assert.Contains("\"SpendAmount\" IS NOT NULL", definition, StringComparison.Ordinal);
        Assert.Contains(
            TestDatabase.IsPostgres
                ? "(\"Status\", \"OccurredOn\") INCLUDE (\"Id\", \"SpendAmount\", \"SpendCurrency\", \"SpendPurpose\")"
                : "(\"Status\", \"OccurredOn\", \"SpendAmount\", \"SpendCurrency\")",
            definition,
            StringComparison.Ordinal);
    }
}
