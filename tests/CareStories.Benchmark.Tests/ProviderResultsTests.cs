using CareStories.Data;

namespace CareStories.Benchmark.Tests;

/// <summary>
/// SQLite's and PostgreSQL's results each have their own section of docs/performance.md; a run replaces only its
/// provider's, and PostgreSQL's compares its feed with SQLite's.
/// </summary>
public sealed class ProviderResultsTests
{
    private static string Results(string feed) =>
        $"{BenchmarkReport.StartMarker}\n## Results of 2026-12-02 10:00 UTC\n\n| target | address | req/s |\n| --- | --- | ---: |\n| Feed, first page | `/Feed` | {feed} | 12.0 ms |\n{BenchmarkReport.EndMarker}\n";

    private static readonly string Document =
        $"# Performance\n\nHow to run it.\n\n{Results("1,000")}\nWhat the runs found.\n";

    [Fact]
    public void PostgreSQL_results_go_right_after_SQLite_s_and_leave_them_as_they_were()
    {
        var section = ProviderResults.Section(DatabaseProvider.PostgreSQL, Results("800"), "PostgreSQL database x on 127.0.0.1", Document);

        var merged = ProviderResults.Merge(Document, DatabaseProvider.PostgreSQL, section);

        Assert.Equal(ProviderResults.SectionOf(Document, DatabaseProvider.Sqlite), ProviderResults.SectionOf(merged, DatabaseProvider.Sqlite));
        Assert.True(merged.IndexOf(ProviderResults.PostgresStartMarker, StringComparison.Ordinal)
            > merged.IndexOf(BenchmarkReport.EndMarker, StringComparison.Ordinal));
        Assert.EndsWith("What the runs found.\n", merged, StringComparison.Ordinal);
        Assert.Contains("## PostgreSQL: results of 2026-12-02 10:00 UTC", merged, StringComparison.Ordinal);
        Assert.Contains("0.80 of SQLite's 1,000 req/s", merged, StringComparison.Ordinal);
        Assert.Contains("(aim: at least 0.7): met", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_PostgreSQL_run_replaces_only_its_own_section()
    {
        var first = ProviderResults.Merge(Document, DatabaseProvider.PostgreSQL,
            ProviderResults.Section(DatabaseProvider.PostgreSQL, Results("800"), "db", Document));

        var second = ProviderResults.Merge(first, DatabaseProvider.PostgreSQL,
            ProviderResults.Section(DatabaseProvider.PostgreSQL, Results("500"), "db", first));

        Assert.DoesNotContain("| `/Feed` | 800 |", second, StringComparison.Ordinal);
        Assert.Contains("0.50 of SQLite's 1,000 req/s in the section above (aim: at least 0.7): **missed**", second, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(second, ProviderResults.PostgresStartMarker));
        Assert.Equal(ProviderResults.SectionOf(Document, DatabaseProvider.Sqlite), ProviderResults.SectionOf(second, DatabaseProvider.Sqlite));
    }

    [Fact]
    public void Prose_that_names_a_marker_is_never_taken_for_a_section()
    {
        var prose = $"# Performance\n\nEach run writes its own section, marked `{ProviderResults.PostgresStartMarker}` and `{BenchmarkReport.StartMarker}`.\n\n";
        var document = prose + Results("1,000") + "\nWhat the runs found.\n";
        var withPostgres = ProviderResults.Merge(document, DatabaseProvider.PostgreSQL,
            ProviderResults.Section(DatabaseProvider.PostgreSQL, Results("800"), "db", document));

        var again = ProviderResults.Merge(withPostgres, DatabaseProvider.PostgreSQL,
            ProviderResults.Section(DatabaseProvider.PostgreSQL, Results("900"), "db", withPostgres));
        var sqliteAgain = ProviderResults.Merge(again, DatabaseProvider.Sqlite, Results("2,000"));

        Assert.StartsWith(prose, sqliteAgain, StringComparison.Ordinal);
        Assert.Equal(2_000, ProviderResults.FeedRequestsPerSecond(ProviderResults.SectionOf(sqliteAgain, DatabaseProvider.Sqlite)));
        Assert.Equal(900, ProviderResults.FeedRequestsPerSecond(ProviderResults.SectionOf(sqliteAgain, DatabaseProvider.PostgreSQL)));
        Assert.EndsWith("What the runs found.\n", sqliteAgain, StringComparison.Ordinal);
    }

    [Fact]
    public void A_SQLite_run_replaces_only_SQLite_s_section()
    {
        var withBoth = ProviderResults.Merge(Document, DatabaseProvider.PostgreSQL,
            ProviderResults.Section(DatabaseProvider.PostgreSQL, Results("800"), "db", Document));

        var merged = ProviderResults.Merge(withBoth, DatabaseProvider.Sqlite, ProviderResults.Section(DatabaseProvider.Sqlite, Results("2,000"), "file", withBoth));

        Assert.Equal(2_000, ProviderResults.FeedRequestsPerSecond(ProviderResults.SectionOf(merged, DatabaseProvider.Sqlite)));
        Assert.Equal(ProviderResults.SectionOf(withBoth, DatabaseProvider.PostgreSQL), ProviderResults.SectionOf(merged, DatabaseProvider.PostgreSQL));
    }

    [Fact]
    public void Without_SQLite_results_PostgreSQL_s_section_makes_no_comparison()
    {
        var section = ProviderResults.Section(DatabaseProvider.PostgreSQL, Results("800"), "db", "# Performance\n");

        Assert.DoesNotContain("of SQLite's", section, StringComparison.Ordinal);
        Assert.Equal("# Performance\n\n" + section, ProviderResults.Merge("# Performance\n", DatabaseProvider.PostgreSQL, section));
    }

    [Fact]
    public void The_provider_and_the_server_are_options()
    {
        var options = BenchmarkProgram.Options.Parse(["--provider", "postgresql", "--postgres", "Host=db;Username=u;Password=p"]);

        Assert.Equal(DatabaseProvider.PostgreSQL, options.Provider);
        Assert.Equal("Host=db;Username=u;Password=p", options.PostgresServer);
        Assert.Equal(DatabaseProvider.Sqlite, BenchmarkProgram.Options.Parse([]).Provider);
        Assert.Throws<FormatException>(() => BenchmarkProgram.Options.Parse(["--provider", "oracle"]));
    }

    [Fact]
    public void Each_size_has_its_own_PostgreSQL_database_and_the_name_shows_no_password()
    {
        var database = BenchmarkDatabase.For(DatabaseProvider.PostgreSQL, "/tmp", 100_000, 1_000, "Host=127.0.0.1;Username=u;Password=secret");

        Assert.Equal("carestories_bench_100000_1000", BenchmarkDatabase.PostgresName(100_000, 1_000));
        Assert.Contains("Database=carestories_bench_100000_1000", database.ConnectionString, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", database.Name, StringComparison.Ordinal);
    }
}
