using CareStories.Domain.Fixes;
using CareStories.Domain.Permission;
using CareStories.Domain.Stories;
using CareStories.Domain.Thanks;

namespace CareStories.Benchmark;

/// <summary>
/// What Insights and the ledger read besides recognition: spend against the limit, fixes that prevent a repeat
/// (open, done and overdue, across teams) and customers' thank-yous, all through the domain's own methods.
/// </summary>
public sealed partial class DataGenerator
{
    private const decimal CompanyLimit = 150m;
    private const decimal BillingLimit = 400m;

    /// <summary>Adds the story's spend record, a fix for one story in forty with a prevention, and thank-yous.</summary>
    private void AddCare(List<object> added, Story story, People people, Catalogue catalogue, int teamIndex)
    {
        // The thank-you first: approving it adds a quote to the story, which must happen before anything tracks it.
        if (story.Status == StoryStatus.Published && _random.NextDouble() < 0.04)
        {
            AddThanks(added, story, people, catalogue, teamIndex);
        }

        if (story.Spend is { } spend && story.Status != StoryStatus.Draft)
        {
            // Spend over the limit is allowed with a reason; in another currency it is not compared (no rates invented).
            var latitude = new StoryLatitude(story);
            var limit = catalogue.Limits.For(story.Teams.Select(t => t.TeamId).ToList());
            var over = StoryLatitude.IsOver(spend, limit?.Amount, limit?.Currency);
            latitude.Record(spend, limit, over ? "Anything less would have left the customer without a working service for days." : null, false, null, null);
            added.Add(latitude);
        }

        if (story.Status == StoryStatus.Published && story.Prevention is not null && _random.NextDouble() < 0.05)
        {
            AddFix(added, story, people, catalogue);
        }
    }

    /// <summary>
    /// A fix proposed from the story for a team (behind the scenes more often than not), then taken as far as its
    /// age allows: declined, proposed still, accepted with a target date (overdue once that passes), started, done.
    /// </summary>
    private void AddFix(List<object> added, Story story, People people, Catalogue catalogue)
    {
        var at = story.PublishedAt!.Value.AddDays(1);
        var owningTeam = _random.NextDouble() < 0.6 ? (_random.Next(TeamCount / 5) * 5) + 3 + _random.Next(2) : _random.Next(TeamCount);
        var owners = people.MembersAt(owningTeam, at);
        var fix = Fix.Propose(
            WordLists.FixTitles[_random.Next(WordLists.FixTitles.Length)], WordLists.FixChanges[_random.Next(WordLists.FixChanges.Length)],
            catalogue.TeamIds[owningTeam], story.AuthorId, [story.Id], at);
        var manager = new FixActor(people.Reviewers[2 * owningTeam], ManagesOwningTeam: true);
        var roll = _random.NextDouble();
        if (roll < 0.1)
        {
            fix.Decline(manager, "Another change already under way covers this.", at.AddDays(2));
        }
        else if (roll >= 0.25 && at.AddDays(2) < _now)
        {
            var decided = at.AddDays(2);
            var owner = owners[_random.Next(owners.Count)];
            var target = DateOnly.FromDateTime(decided.UtcDateTime).AddDays(_random.Next(14, 90));
            fix.Accept(manager, owner, target, DateOnly.FromDateTime(decided.UtcDateTime), decided);
            var finished = decided.AddDays(_random.Next(7, 120));
            if (roll >= 0.4 && finished < _now)
            {
                fix.Start(manager, decided.AddDays(1));
                if (roll >= 0.55)
                {
                    fix.MarkDone(manager, "The new check runs on every order now.", [owner], finished);
                }
            }
        }

        added.Add(fix);
    }

    /// <summary>
    /// A customer thanks one of the story's people through their link: mostly approved onto the story as a quote,
    /// some discarded, the newest still waiting for a manager.
    /// </summary>
    private void AddThanks(List<object> added, Story story, People people, Catalogue catalogue, int teamIndex)
    {
        var personId = story.Heroes.Select(h => h.PersonId).FirstOrDefault(catalogue.ThankYouLinks.ContainsKey);
        if (personId is null)
        {
            return;
        }

        var link = catalogue.ThankYouLinks[personId];
        var received = story.PublishedAt!.Value.AddDays(_random.Next(1, 5));
        var thanks = CustomerThanks.Receive(link, new ThanksSubmission(
            WordLists.ThanksTexts[_random.Next(WordLists.ThanksTexts.Length)], (CustomerNaming)_random.Next(3), "Sam Carter", Consent: true), received);
        // Managers decide within a day, except for the last two months' thank-yous and a few that were overlooked.
        var decided = received.AddDays(1);
        if (received < _now.AddDays(-60) && _random.NextDouble() >= 0.1)
        {
            var manager = people.Reviewers[2 * teamIndex];
            if (_random.NextDouble() < 0.8)
            {
                thanks.ApproveOnto(story, manager, decided);
            }
            else
            {
                thanks.Discard(manager, decided);
            }
        }

        added.Add(thanks);
    }
}
