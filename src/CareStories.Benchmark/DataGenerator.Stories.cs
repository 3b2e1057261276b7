using CareStories.Domain.Catalogue;
using CareStories.Domain.Stories;

namespace CareStories.Benchmark;

/// <summary>Stories and the recognition that hangs off them: celebrations, applause and comments.</summary>
public sealed partial class DataGenerator
{
    private Story NewStory(People people, Catalogue catalogue, DateTimeOffset at, out int teamIndex)
    {
        teamIndex = _random.Next(catalogue.TeamIds.Count);
        var members = people.MembersAt(teamIndex, at);
        var author = members[_random.Next(members.Count)];
        var created = at.AddDays(-2);
        var occurred = DateOnly.FromDateTime(created.UtcDateTime.AddDays(-_random.Next(1, 10)));
        var title = $"{WordLists.TitleStarts[_random.Next(WordLists.TitleStarts.Length)]} {WordLists.TitleEnds[_random.Next(WordLists.TitleEnds.Length)]}";
        var spend = _random.NextDouble() < 0.2 ? NewSpend() : null;
        var content = new StoryContent(
            title,
            occurred,
            // A place name in every story: words each found in a few hundred stories, as real text has (search measures them).
            $"{WordLists.Situations[_random.Next(WordLists.Situations.Length)]} It happened near {WordLists.Town(_random.Next(WordLists.TownCount))}.",
            WordLists.Actions[_random.Next(WordLists.Actions.Length)],
            _random.NextDouble() < 0.5 ? WordLists.Preventions[_random.Next(WordLists.Preventions.Length)] : null,
            WordLists.Outcomes[_random.Next(WordLists.Outcomes.Length)],
            spend?.Amount,
            spend?.Currency,
            spend?.Purpose);
        var story = new Story(author, content, created);

        // One story in five is about a colleague, written by someone else on the team.
        var heroes = new List<string> { author };
        for (var h = _random.Next(3); h > 0; h--)
        {
            heroes.Add(members[_random.Next(members.Count)]);
        }

        if (heroes.Count > 1 && _random.NextDouble() < 0.2)
        {
            heroes.RemoveAt(0);
        }

        story.SetHeroes(heroes);
        var teams = new List<int> { catalogue.TeamIds[teamIndex] };
        if (_random.NextDouble() < 0.25)
        {
            teams.Add(catalogue.TeamIds[_random.Next(catalogue.TeamIds.Count)]);
        }

        story.SetTeams(teams);
        story.SetValues(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => catalogue.ValueIds[_random.Next(catalogue.ValueIds.Count)]).ToList());
        if (_random.NextDouble() < 0.6)
        {
            story.AddQuote(new QuoteDetails(
                WordLists.QuoteTexts[_random.Next(WordLists.QuoteTexts.Length)], (QuoteSource)_random.Next(6), occurred,
                (CustomerNaming)_random.Next(3), "Alex Morgan"), created);
        }

        // Most stories are published; the rest are spread over every other status. Reviews take from an hour to
        // a week and a half, so review waits have a spread (and the newest waiting stories are not yet overdue).
        var roll = _random.NextDouble();
        if (roll < 0.03)
        {
            return story;
        }

        var reviewer = Reviewer(people, teamIndex, heroes, author);
        var submitted = at.AddHours(-_random.Next(1, 240));
        story.Submit(author, submitted);
        if (roll < 0.07)
        {
            return story;
        }

        if (roll < 0.09)
        {
            story.RequestChanges(reviewer, "Please add what the customer said afterwards.", at);
            return story;
        }

        story.Publish(reviewer, at);
        if (roll < 0.10)
        {
            story.Withdraw(author, at.AddHours(1));
        }

        return story;
    }

    /// <summary>Spend in three currencies; about one EUR spend in eight goes over the limit (with a reason).</summary>
    private Spend NewSpend()
    {
        var currency = _random.NextDouble() switch
        {
            < 0.75 => "EUR",
            < 0.9 => "GBP",
            _ => "USD",
        };
        var amount = _random.NextDouble() < 0.12 ? _random.Next(151, 900) : _random.Next(5, 150);
        var purpose = WordLists.SpendPurposes[_random.Next(WordLists.SpendPurposes.Length)];
        return new Spend(amount + (_random.Next(100) / 100m), currency, purpose);
    }

    /// <summary>The team's first manager reviews, unless they are credited (or wrote it); then the second one does.</summary>
    private static string Reviewer(People people, int teamIndex, List<string> heroes, string author)
    {
        var first = people.Reviewers[2 * teamIndex];
        return heroes.Contains(first) || first == author ? people.Reviewers[(2 * teamIndex) + 1] : first;
    }

    /// <summary>A fifth of published stories are celebrated, most are applauded, a third have comments.</summary>
    private void Recognise(List<object> added, Story story, People people, Catalogue catalogue, DateTimeOffset at)
    {
        var facts = story.Facts();
        var involved = facts.HeroIds.Append(facts.AuthorId).ToHashSet(StringComparer.Ordinal);
        if (_random.NextDouble() < 0.2)
        {
            var celebrated = new HashSet<string>(StringComparer.Ordinal);
            for (var c = _random.Next(1, 3); c > 0; c--)
            {
                var celebrator = people.Celebrators[_random.Next(people.Celebrators.Count)].Id;
                if (!involved.Contains(celebrator) && celebrated.Add(celebrator))
                {
                    added.Add(Celebration.Give(facts, celebrator, catalogue.Badges[_random.Next(catalogue.Badges.Count)],
                        "Thank you for going the extra mile: this is what we want customers to feel.", at.AddHours(2)));
                }
            }
        }

        var applauded = new HashSet<string>(StringComparer.Ordinal);
        for (var a = _random.Next(9); a > 0; a--)
        {
            var person = people.Everyone[_random.Next(people.Everyone.Count)].Id;
            if (!involved.Contains(person) && applauded.Add(person))
            {
                added.Add(Applause.Give(facts, person, at.AddHours(3)));
            }
        }

        if (_random.NextDouble() < 0.33)
        {
            for (var c = _random.Next(1, 4); c > 0; c--)
            {
                added.Add(Comment.Write(facts, people.Everyone[_random.Next(people.Everyone.Count)].Id, WordLists.Comments[_random.Next(WordLists.Comments.Length)], at.AddHours(4)));
            }
        }
    }
}
