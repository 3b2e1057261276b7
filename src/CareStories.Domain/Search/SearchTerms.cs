using System.Globalization;
using System.Text;

namespace CareStories.Domain.Search;

/// <summary>
/// What a person typed into the search box, read as words and "quoted phrases". Only letters, digits and the marks
/// that belong to them make a word; everything else (brackets, quotes left open, <c>*</c>, <c>-</c>, <c>:</c>,
/// <c>^</c>) separates words, and the query language's own words (<c>NEAR</c>, <c>AND</c>, <c>OR</c>, <c>NOT</c>) are
/// searched for as plain words. So no input can be read as query syntax, and none can make the database refuse.
/// </summary>
public sealed class SearchTerms
{
    /// <summary>What the box accepts; anything longer is cut here, before it is read.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>More words than this only slow the search; the rest are ignored, and the page says so.</summary>
    public const int MaxWords = 12;

    private const int MaxWordLength = 60;

    private SearchTerms(string text, IReadOnlyList<IReadOnlyList<string>> groups, bool cut)
    {
        Text = text;
        Groups = groups;
        WasCut = cut;
    }

    /// <summary>The query as typed (trimmed, at most <see cref="MaxQueryLength"/> characters), to put back in the box.</summary>
    public string Text { get; }

    /// <summary>Each single word, or each quoted phrase as its words in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    /// <summary>Some words were left out because there were more than <see cref="MaxWords"/>.</summary>
    public bool WasCut { get; }

    public bool IsEmpty => Groups.Count == 0;

    /// <summary>There is more than one word or phrase, so "any of them" can find more than "all of them".</summary>
    public bool HasSeveral => Groups.Count > 1;

    public static SearchTerms Read(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        var groups = new List<IReadOnlyList<string>>();
        var phrase = new List<string>();
        var word = new StringBuilder();
        var inPhrase = false;
        var words = 0;
        var cut = false;

        void EndWord()
        {
            if (word.Length == 0)
            {
                return;
            }

            if (words < MaxWords)
            {
                var value = word.ToString();
                if (inPhrase)
                {
                    phrase.Add(value);
                }
                else
                {
                    groups.Add([value]);
                }

                words++;
            }
            else
            {
                cut = true;
            }

            word.Clear();
        }

        void EndPhrase()
        {
            if (phrase.Count > 0)
            {
                groups.Add([.. phrase]);
                phrase.Clear();
            }
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                if (word.Length < MaxWordLength)
                {
                    word.Append(rune.ToString());
                }

                continue;
            }

            EndWord();
            if (rune.Value == '"')
            {
                if (inPhrase)
                {
                    EndPhrase();
                }

                inPhrase = !inPhrase;
            }
        }

        EndWord();
        // A phrase left open at the end is still a phrase: the person meant those words together.
        EndPhrase();
        return new SearchTerms(text, groups, cut);
    }

    /// <summary>
    /// The query in SQLite FTS5's syntax: every word in double quotes (so it is only ever a word), a phrase as one
    /// quoted string, joined by AND (all of them) or OR (any of them).
    /// </summary>
    public string ToFts5(bool anyWord = false)
    {
        if (IsEmpty)
        {
            throw new InvalidOperationException("An empty search has no query; show the search prompt instead.");
        }

        return string.Join(anyWord ? " OR " : " AND ", Groups.Select(g => "\"" + string.Join(' ', g) + "\""));
    }

    private static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
