using CareStories.Web.Demo;

namespace CareStories.BrowserTests.Infrastructure;

/// <summary>The seeded demo people a journey can sign in as (the app seeds them because Demo:Seed is on).</summary>
public static class DemoAccounts
{
    public const string Password = DemoData.Password;

    public static readonly DemoAccount Employee = new($"employee@{DemoData.Domain}", "Jamie Rivera");

    public static readonly DemoAccount Manager = new($"manager@{DemoData.Domain}", "Sam Okafor");

    public static readonly DemoAccount Leader = new($"leader@{DemoData.Domain}", "Dana Whitfield");

    public static readonly DemoAccount Admin = new($"admin@{DemoData.Domain}", "Morgan Lee");
}

public sealed record DemoAccount(string Email, string Name)
{
    public string Password => DemoAccounts.Password;
}
