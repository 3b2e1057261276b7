using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin.People;

/// <summary>The rules for the roles and teams an administrator gives a person, shared by adding and editing.</summary>
internal static class PersonChoices
{
    public static async Task CheckAsync(
        IReadOnlyCollection<string> roles, IReadOnlyCollection<int> teamIds, CareStoriesDbContext db, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (roles.Any(r => !Roles.All.Contains(r)))
        {
            modelState.AddModelError("Input.Roles", "Choose roles from the list.");
        }
        else if (roles.Count == 0)
        {
            modelState.AddModelError("Input.Roles", "Choose at least one role. Most people are Employees.");
        }

        if (teamIds.Count > 0 && await db.Teams.CountAsync(t => teamIds.Contains(t.Id), cancellationToken) != teamIds.Count)
        {
            modelState.AddModelError("Input.TeamIds", "Some of the teams chosen no longer exist. Check the list and save again.");
        }
    }
}
