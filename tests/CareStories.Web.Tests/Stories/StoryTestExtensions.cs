namespace CareStories.Web.Tests.Stories;

internal static class StoryTestExtensions
{
    /// <summary>
    /// Posts to a page the person cannot open themselves, with a valid antiforgery token from their own session:
    /// what a person crafting a request by hand would do.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithOwnTokenAsync(this HttpClient client, string url, FormValues? values = null)
    {
        var page = await client.GetDocumentAsync("/Stories/New");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        foreach (var (key, _) in values ?? [])
        {
            fields.AddRange(values!.All(key).Select(v => new KeyValuePair<string, string>(key, v)));
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static int StoryIdFromLocation(this HttpResponseMessage response)
    {
        var path = response.Headers.Location!.OriginalString.Split('?', '#')[0];
        return int.Parse(path.Split('/', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
