namespace CareStories.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the default self-deletion page. A person's account is credited in stories colleagues wrote and in
/// their history, so deleting it outright would either fail or tear holes in other people's records; removing
/// or anonymising an account is an administrator's job. The page says so instead of offering a button.
/// </summary>
public sealed class DeletePersonalDataModel : PageModel
{
    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
