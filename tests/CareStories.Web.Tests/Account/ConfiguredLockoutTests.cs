namespace CareStories.Web.Tests.Account;

/// <summary>The app with a stricter lockout than the default, as an organisation might configure it.</summary>
public sealed class StrictLockoutFactory : RealPasswordsFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Identity:MaxFailedAccessAttempts"] = "2",
        ["Identity:LockoutMinutes"] = "60",
    };
}

public sealed class ConfiguredLockoutTests(StrictLockoutFactory factory) : IClassFixture<StrictLockoutFactory>
{
    [Fact]
    public async Task The_lockout_threshold_and_duration_follow_configuration()
    {
        var person = await factory.Data.PersonAsync();
        var client = factory.CreateBrowserClient();
        await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = "first wrong password",
        }).ShouldBeAsync(HttpStatusCode.OK);

        var second = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = "second wrong password",
        });
        var right = await client.SubmitFormAsync("/Identity/Account/Login", new()
        {
            ["Input.Email"] = person.Email,
            ["Input.Password"] = person.Password,
        });

        Assert.Contains("locked for 60 minutes", string.Join(" ", (await second.ReadDocumentAsync()).SummaryErrors()), StringComparison.Ordinal);
        await right.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains("locked for 60 minutes", string.Join(" ", (await right.ReadDocumentAsync()).SummaryErrors()), StringComparison.Ordinal);
    }
}
