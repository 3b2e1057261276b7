namespace CareStories.Benchmark.Tests;

/// <summary>The benchmark rewrites only its results in docs/performance.md; the hand-written text around them stays.</summary>
public sealed class ReportMergeTests
{
    private static readonly string NewResults = $"{BenchmarkReport.StartMarker}\nnew numbers\n{BenchmarkReport.EndMarker}\n";

    [Fact]
    public void Replaces_only_the_results_between_the_markers()
    {
        var existing = $"# Performance\n\nWhat the numbers mean.\n\n{BenchmarkReport.StartMarker}\nold numbers\n{BenchmarkReport.EndMarker}\n\nWhat the last runs found.\n";

        var merged = BenchmarkReport.Merge(existing, NewResults);

        Assert.Equal(
            $"# Performance\n\nWhat the numbers mean.\n\n{BenchmarkReport.StartMarker}\nnew numbers\n{BenchmarkReport.EndMarker}\n\nWhat the last runs found.\n",
            merged);
    }

    [Fact]
    public void Appends_the_results_to_a_document_without_markers()
    {
        var merged = BenchmarkReport.Merge("# Performance\n\nNotes only.\n\n", NewResults);

        Assert.Equal($"# Performance\n\nNotes only.\n\n{NewResults}", merged);
    }

    [Fact]
    public void Starts_a_document_when_there_is_none()
    {
        Assert.Equal($"# Performance\n\n{NewResults}", BenchmarkReport.Merge(null, NewResults));
    }
}
