using System.Text.RegularExpressions;

namespace CareStories.Web.Tests.Assets;

/// <summary>
/// Browsers drop everything after an unclosed block without a word, so a lost brace (easy to make when sections
/// of site.css are merged) silently unstyles whole pages — once, photos overflowed the review page on phones. Every
/// stylesheet of the app's own is checked.
/// </summary>
public sealed partial class StylesheetTests
{
    [Theory]
    [InlineData("site.css")]
    [InlineData("public.css")]
    public void Every_block_in_the_stylesheet_is_closed_where_it_should_be(string stylesheet)
    {
        var css = CommentsOrStrings().Replace(File.ReadAllText(Stylesheet(stylesheet)), "");
        var depth = 0;
        var line = 1;
        foreach (var c in css)
        {
            line += c == '\n' ? 1 : 0;
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, $"{stylesheet} closes a block that was never opened near line {line}.");
            Assert.True(depth <= 2, $"{stylesheet} opens a block inside a rule near line {line}: a closing brace is missing above it.");
        }

        Assert.Equal(0, depth);
    }

    [Theory]
    [InlineData("site.css")]
    [InlineData("public.css")]
    public void Every_section_of_the_stylesheet_starts_at_the_top_level(string stylesheet)
    {
        // A section comment ("/* Photos: … */") always starts at the top level; one inside a block means the block
        // before it was never closed.
        var text = File.ReadAllText(Stylesheet(stylesheet));
        var depth = 0;
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.StartsWith("/*", StringComparison.Ordinal))
            {
                Assert.True(depth == 0, $"{stylesheet} line {lineNumber} starts a section inside an open block.");
            }

            var code = CommentsOrStrings().Replace(line, "");
            depth += code.Count(c => c == '{') - code.Count(c => c == '}');
        }
    }

    private static string Stylesheet(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CareStories.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "src", "CareStories.Web", "wwwroot", "css", name);
    }

    [GeneratedRegex("""/\*.*?\*/|"[^"]*"|'[^']*'""", RegexOptions.Singleline)]
    private static partial Regex CommentsOrStrings();
}
