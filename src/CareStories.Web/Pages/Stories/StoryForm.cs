using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Stories;

/// <summary>
/// What the story form posts. Field names match the story's, so the domain's messages land beside the right
/// field. Only the title is needed to save a draft; the rest is checked when the story is submitted.
/// </summary>
public sealed class StoryInput
{
    [Required(ErrorMessage = "Give the story a title.")]
    [StringLength(Story.TitleMaxLength, ErrorMessage = "Keep the title to {1:N0} characters or fewer.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "When it happened")]
    public DateOnly? OccurredOn { get; set; }

    [Display(Name = "The customer's situation")]
    public string? Situation { get; set; }

    [Display(Name = "What was done right away")]
    public string? ImmediateAction { get; set; }

    [Display(Name = "How a repeat is prevented")]
    public string? Prevention { get; set; }

    [Display(Name = "The outcome for the customer")]
    public string? Outcome { get; set; }

    [Display(Name = "Amount")]
    public decimal? SpendAmount { get; set; }

    [Display(Name = "Currency")]
    public string? SpendCurrency { get; set; }

    [Display(Name = "What it paid for")]
    public string? SpendPurpose { get; set; }

    /// <summary>The people credited (ids).</summary>
    public List<string> Heroes { get; set; } = [];

    public List<int> Teams { get; set; } = [];

    public List<int> Values { get; set; } = [];

    /// <summary>Why it went over the limit, and the rule it bent (Permission/LatitudeForm).</summary>
    public Permission.LatitudeInput Latitude { get; set; } = new();

    public StoryContent ToContent() => new(
        Title, OccurredOn, Situation, ImmediateAction, Prevention, Outcome, SpendAmount, SpendCurrency, SpendPurpose);
}

public sealed record PersonOption(string Id, string Name, string? JobTitle);

public sealed record TeamOption(int Id, string Name, TeamKind Kind);

public sealed record ValueOption(int Id, string Name, string Description);

/// <summary>The people, teams and values a story can choose from.</summary>
public sealed record StoryFormOptions(
    IReadOnlyList<PersonOption> People, IReadOnlyList<TeamOption> Teams, IReadOnlyList<ValueOption> Values)
{
    public static readonly StoryFormOptions Empty = new([], [], []);

    /// <summary>The charter, the limit and the rules to pick from, shown with the spend fields.</summary>
    public Permission.LatitudeOptions Latitude { get; init; } = Permission.LatitudeOptions.None;

    /// <summary>
    /// Retired values are offered only where the story already shows them; so are people who were deactivated,
    /// so editing a story never drops a hero who has since left.
    /// </summary>
    public static async Task<StoryFormOptions> LoadAsync(
        CareStoriesDbContext db, IReadOnlyCollection<int> valuesAlreadyShown, CancellationToken cancellationToken,
        IReadOnlyCollection<string>? heroesAlreadyShown = null)
    {
        heroesAlreadyShown ??= [];
        var people = await db.Users.AsNoTracking()
            .Where(p => p.DeactivatedAt == null || heroesAlreadyShown.Contains(p.Id))
            .OrderBy(p => p.DisplayName)
            .Select(p => new PersonOption(p.Id, p.DisplayName, p.JobTitle))
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking()
            .OrderBy(t => t.Name)
            .Select(t => new TeamOption(t.Id, t.Name, t.Kind))
            .ToListAsync(cancellationToken);
        var values = await db.Values.AsNoTracking()
            .Where(v => !v.IsRetired || valuesAlreadyShown.Contains(v.Id))
            .OrderBy(v => v.Name)
            .Select(v => new ValueOption(v.Id, v.Name, v.Description))
            .ToListAsync(cancellationToken);
        return new StoryFormOptions(people, teams, values) { Latitude = await Permission.LatitudeOptions.LoadAsync(db, cancellationToken) };
    }

    /// <summary>Refuses ids that are not on offer (a tampered form, or a choice removed meanwhile).</summary>
    public void CheckChoices(StoryInput input, ModelStateDictionary modelState)
    {
        if (input.Heroes.Exists(id => !People.Any(p => p.Id == id)))
        {
            modelState.AddModelError("Input.Heroes", "Choose the people to credit from the list.");
        }

        if (input.Teams.Exists(id => !Teams.Any(t => t.Id == id)))
        {
            modelState.AddModelError("Input.Teams", "Choose teams from the list.");
        }

        if (input.Values.Exists(id => !Values.Any(v => v.Id == id)))
        {
            modelState.AddModelError("Input.Values", "Choose values from the list.");
        }
    }
}

public static class StoryFormExtensions
{
    /// <summary>Sets who, which teams and which values; the story refuses what its rules do not allow.</summary>
    public static void ApplyChoices(this Story story, StoryInput input)
    {
        story.SetHeroes(input.Heroes);
        story.SetTeams(input.Teams);
        story.SetValues(input.Values);
    }

    /// <summary>
    /// Refuses a submission with every reason at once (a wrong title and each missing field), before the story's
    /// own checks would stop at the first one.
    /// </summary>
    public static void EnsureSubmittable(this StoryInput input, DateTimeOffset at)
    {
        var reasons = Story.WhyNotSubmittable(input.ToContent(), input.Heroes, input.Teams, at);
        if (reasons.Count > 0)
        {
            throw new DomainException(reasons);
        }
    }
}
