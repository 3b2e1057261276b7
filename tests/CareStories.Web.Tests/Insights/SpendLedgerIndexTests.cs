namespace CareStories.Web.Tests.Insights;

/// <summary>
/// On PostgreSQL the spend ledger's index carries the spend lines' columns, so Insights reads a year's spend from the
/// index alone (a PostgreSQL index holds no row id, unlike SQLite's, whose index keeps its keys only). EF Core cannot
/// describe the index, so its migration writes it in SQL and nothing else would notice it going missing.
/// </summary>
public sealed class SpendLedgerIndexTests(CareStoriesFactory factory) : IClassFixture<CareStoriesFactory>
{
    [Fact]
    public async Task The_spend_ledgers_index_carries_the_spend_lines_columns_on_postgresql_only()
    {
        var definition = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(TestDatabase.IsPostgres
                ? """SELECT indexdef AS "Value" FROM pg_indexes WHERE indexname = 'IX_Stories_Status_OccurredOn_Spend'"""
                : """SELECT sql AS "Value" FROM sqlite_master WHERE name = 'IX_Stories_Status_OccurredOn_Spend'""")
            .SingleAsync());

        Assert.Contains("(\"Status\", \"OccurredOn\")", definition, StringComparison.Ordinal);
        Assert.Contains("\"SpendAmount\" IS NOT NULL", definition, StringComparison.Ordinal);
        Assert.Equal(
            TestDatabase.IsPostgres,
            definition.Contains("INCLUDE (\"Id\", \"SpendAmount\", \"SpendCurrency\", \"SpendPurpose\")", StringComparison.Ordinal));
    }
}
