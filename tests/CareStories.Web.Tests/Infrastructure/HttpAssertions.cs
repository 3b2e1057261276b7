namespace CareStories.Web.Tests.Infrastructure;

public static class HttpAssertions
{
    public static async Task<HttpResponseMessage> ShouldBeAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        await response.ShouldBeAsync(expected);
        return response;
    }

    public static async Task ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode} {response.StatusCode} (Location: {response.Headers.Location}).\n{body[..Math.Min(body.Length, 3000)]}");
        }
    }

    /// <summary>A redirect to the sign-in page: what an anonymous visitor gets for a protected page.</summary>
    public static void ShouldRedirectToSignIn(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }
}
