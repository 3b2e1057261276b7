namespace CareStories.Web.Pages.Permission;

/// <summary>The charter, the must-follow procedures and the limit, on the home page.</summary>
public sealed class CharterViewComponent(CareStoriesDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        return View("/Pages/Permission/_Charter.cshtml", await CharterView.ReadAsync(db, HttpContext.RequestAborted));
    }
}
