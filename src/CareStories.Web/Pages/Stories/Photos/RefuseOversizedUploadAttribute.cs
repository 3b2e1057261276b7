using CareStories.Web.Photos;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CareStories.Web.Pages.Stories.Photos;

/// <summary>
/// A post whose declared size is over the upload limit is answered before anything reads its body (the antiforgery
/// check would otherwise fail to read the form and answer a bare 400): the person is taken back to the photos
/// page, where the GET handler shows why beside the file field.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseOversizedUploadAttribute(long limit) : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public const string TempDataKey = "PhotoTooLarge";

    // Before the request size, form limits and antiforgery filters.
    public int Order => -10_000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not { } length || length <= limit)
        {
            return;
        }

        var tempData = context.HttpContext.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(context.HttpContext);
        tempData[TempDataKey] = PhotoProcessor.TooLargeMessage;
        // Saved here: a result set by an authorization filter skips the filter that would save it.
        tempData.Save();
        context.Result = new RedirectResult(request.PathBase + request.Path);
    }
}
