namespace CareStories.Domain.People;

/// <summary>The roles a person can hold; one person may hold several.</summary>
public static class Roles
{
    public const string Employee = "Employee";
    public const string Manager = "Manager";
    public const string Leader = "Leader";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Employee, Manager, Leader, Admin];

    public static string Describe(string role) => role switch
    {
        Employee => "Writes stories, applauds and comments",
        Manager => "Reviews and celebrates their teams' stories",
        Leader => "Reads the company-wide feed and insights",
        Admin => "Manages people, teams and the values catalogue",
        _ => role,
    };
}
