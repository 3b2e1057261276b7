using CareStories.Web.Pages.Stories;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Fixes;

/// <summary>A person a fix can be given to or credited to: the owning team's people.</summary>
public sealed record PersonChoice(string Id, string Name, bool IsManager);

/// <summary>What the decide form (accept with an owner, or decline with a reason) was sent with.</summary>
public sealed class DecideInput
{
    public string? OwnerId { get; set; }

    public DateOnly? TargetDate { get; set; }

    public string? DeclineReason { get; set; }
}

/// <summary>What the done form was sent with: one line on what changed, and who did it.</summary>
public sealed class DoneInput
{
    public string? WhatChanged { get; set; }

    public List<string> Credited { get; set; } = [];
}

/// <summary>The accept and decline forms, as the fix page and the decide page show them.</summary>
public sealed record DecideForm(int FixId, IReadOnlyList<PersonChoice> People, DecideInput Input, DateOnly Today, ModelStateDictionary ModelState)
    : FormState(ModelState);

/// <summary>The start and done forms, as the fix page and the progress page show them.</summary>
public sealed record ProgressForm(int FixId, bool CanStart, string? OwnerId, IReadOnlyList<PersonChoice> People, DoneInput Input, ModelStateDictionary ModelState)
    : FormState(ModelState);

/// <summary>Reads the choices the fix forms offer.</summary>
public static class FixChoices
{
    /// <summary>The owning team's active people, managers first, then by name, with the current owner whatever their team.</summary>
    public static async Task<IReadOnlyList<PersonChoice>> TeamPeopleAsync(CareStoriesDbContext db, int teamId, string? ownerId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.DeactivatedAt == null && (u.Id == ownerId || u.Memberships.Any(m => m.TeamId == teamId)))
            .OrderByDescending(u => u.Memberships.Any(m => m.TeamId == teamId && m.IsManager)).ThenBy(u => u.DisplayName)
            .Select(u => new PersonChoice(u.Id, u.DisplayName, u.Memberships.Any(m => m.TeamId == teamId && m.IsManager)))
            .ToListAsync(cancellationToken);

    /// <summary>The celebrate form for a done fix, in the story celebration's shape and words.</summary>
    public static CelebrateForm CelebrateForm(int fixId, IReadOnlyList<BadgeChoice> badges, Stories.CelebrateModel.CelebrationInput input, ModelStateDictionary modelState) =>
        new(fixId, badges, input, modelState)
        {
            Page = "/Fixes/Celebrate",
            Heading = "Celebrate this fix",
            MessageLabel = "Your message to the people who did it",
            Hint = "Say what their fix changed for customers. They are told you celebrated it.",
        };
}
