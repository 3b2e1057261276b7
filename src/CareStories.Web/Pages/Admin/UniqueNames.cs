using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareStories.Web.Pages.Admin;

/// <summary>
/// A catalogue whose names are unique ignoring capitals (teams, values, badges). The check before saving puts the
/// message beside the name; so does a save the unique index refuses because someone took the name in between.
/// </summary>
/// <param name="sameName">The name of another row called this, ignoring capitals, if there is one.</param>
/// <param name="takenMessage">What to say about a name that is taken.</param>
internal sealed class UniqueNames(
    Func<string, int?, CancellationToken, Task<string?>> sameName, Func<string, string> takenMessage)
{
    private const string Field = "Input.Name";

    public async Task CheckAsync(ModelStateDictionary modelState, string name, int? exceptId, CancellationToken cancellationToken)
    {
        if (name.Length > 0 && await sameName(name, exceptId, cancellationToken) is { } taken)
        {
            modelState.AddModelError(Field, takenMessage(taken));
        }
    }

    /// <summary>Saves the change; false, with the message beside the name, when the name was taken meanwhile.</summary>
    public async Task<bool> SaveAsync(
        DbContext db, ModelStateDictionary modelState, string name, int? exceptId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await sameName(name, exceptId, cancellationToken) is not { } takenMeanwhile)
            {
                throw;
            }

            modelState.AddModelError(Field, takenMessage(takenMeanwhile));
            return false;
        }
    }
}
