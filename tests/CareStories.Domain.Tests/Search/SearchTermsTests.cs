using CareStories.Domain.Search;

namespace CareStories.Domain.Tests.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("spare part", "\"spare\" AND \"part\"")]
    [InlineData("\"spare part\" van", "\"spare part\" AND \"van\"")]
    [InlineData("\"unbalanced phrase", "\"unbalanced phrase\"")]
    [InlineData("NEAR(van driver, 2)", "\"NEAR\" AND \"van\" AND \"driver\" AND \"2\"")]
    [InlineData("van* -driver ^title:x", "\"van\" AND \"driver\" AND \"title\" AND \"x\"")]
    [InlineData("café 東京 naïve", "\"café\" AND \"東京\" AND \"naïve\"")]
    [InlineData("((( ))) \"\" ' ; --", null)]
    public void Every_word_reaches_the_index_quoted_so_nothing_typed_is_query_syntax(string typed, string? expected)
    {
        var terms = SearchTerms.Read(typed);

        if (expected is null)
        {
            Assert.True(terms.IsEmpty);
        }
        else
        {
            Assert.Equal(expected, terms.ToFts5());
        }
    }

    [Fact]
    public void Any_of_the_words_joins_them_with_or()
    {
        Assert.Equal("\"van\" OR \"driver\"", SearchTerms.Read("van driver").ToFts5(anyWord: true));
    }

    [Fact]
    public void A_long_query_is_cut_to_its_first_words_and_says_so()
    {
        var terms = SearchTerms.Read(string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i)));

        Assert.Equal(SearchTerms.MaxWords, terms.Groups.Count);
        Assert.True(terms.WasCut);
        Assert.True(SearchTerms.Read(new string('a', 5000)).Text.Length <= SearchTerms.MaxQueryLength);
    }

    [Theory]
    [InlineData("-1.5_42", -1.5, 42)]
    [InlineData("3E-05_7", 3e-05, 7)]
    public void A_page_key_round_trips(string text, double rank, int id)
    {
        var key = SearchKey.Read(text);
        Assert.Equal(new SearchKey(rank, id), key);
        Assert.Equal(key, SearchKey.Read(key!.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NaN_1")]
    [InlineData("Infinity_1")]
    [InlineData("1_-2")]
    [InlineData("1_2_3")]
    [InlineData("abc")]
    public void A_malformed_page_key_is_the_first_page(string? text)
    {
        Assert.Null(SearchKey.Read(text));
    }
}
