namespace CareStories.Domain.Tests.Stories;

/// <summary>Stories in every status, made the way the app makes them: through the story's own methods.</summary>
internal static class StoryMaker
{
    public const string Author = "author-id";
    public const string Reviewer = "reviewer-id";
    public const int TeamId = 7;

    /// <summary>Noon UTC: LatestToday is the next calendar day, since UTC+14 has already passed midnight.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static StoryContent Complete(string title = "The van that saved a wedding") => new(
        title,
        Today.AddDays(-2),
        "The customer's van broke down on the way to a wedding they were catering.",
        "We sent the nearest driver with a spare van and moved the food across.",
        "Vans now get a pre-season check.",
        "The food arrived on time and the wedding went ahead.",
        null,
        null,
        null);

    public static StoryContent TitleOnly(string title = "Just a title") =>
        new(title, null, null, null, null, null, null, null, null);

    public static StoryContent WithSpend(decimal? amount, string? currency, string? purpose) =>
        Complete() with { SpendAmount = amount, SpendCurrency = currency, SpendPurpose = purpose };

    public static Story Draft()
    {
        var story = new Story(Author, Complete(), Now);
        story.SetTeams([TeamId]);
        return story;
    }

    public static Story InStatus(StoryStatus status)
    {
        var story = Draft();
        switch (status)
        {
            case StoryStatus.Draft:
                break;
            case StoryStatus.Submitted:
                story.Submit(Author, Now.AddMinutes(1));
                break;
            case StoryStatus.ChangesRequested:
                story.Submit(Author, Now.AddMinutes(1));
                story.RequestChanges(Reviewer, "Add what the customer said.", Now.AddMinutes(2));
                break;
            case StoryStatus.Published:
                story.Submit(Author, Now.AddMinutes(1));
                story.Publish(Reviewer, Now.AddMinutes(2));
                break;
            case StoryStatus.Withdrawn:
                story.Submit(Author, Now.AddMinutes(1));
                story.Withdraw(Author, Now.AddMinutes(2));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, story.Status);
        return story;
    }

    public static QuoteDetails Quote(
        CustomerNaming naming = CustomerNaming.FullName, string? name = "Rosa Diaz", string? text = "You saved my day.") =>
        new(text, QuoteSource.Email, Today, naming, name);

    /// <summary>Asserts the action is refused and returns the fields its errors name.</summary>
    public static IReadOnlyList<DomainError> Refused(Action action) => Assert.Throws<DomainException>(action).Errors;
}
