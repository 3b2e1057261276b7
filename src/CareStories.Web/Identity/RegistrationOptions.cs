namespace CareStories.Web.Identity;

/// <summary>Who may create their own account: people with an email address at one of these domains.</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Registration";

    /// <summary>Domains such as "example.com"; a single "*" allows any domain (the demo does this).</summary>
    public List<string> AllowedEmailDomains { get; init; } = [];

    public bool AllowsAnyDomain => AllowedEmailDomains.Contains("*");

    public bool Allows(string email)
    {
        if (AllowsAnyDomain)
        {
            return true;
        }

        var at = email.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var domain = email[(at + 1)..].Trim();
        return AllowedEmailDomains.Exists(allowed => string.Equals(allowed.Trim(), domain, StringComparison.OrdinalIgnoreCase));
    }
}
