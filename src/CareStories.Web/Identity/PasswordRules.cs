using System.Reflection;
using CareStories.Domain.People;
using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Identity;

/// <summary>
/// Length, not composition: 12 to 128 characters, refused when it is a well-known password or the person's
/// own email or name. The minimum is enforced by Identity's options; this adds the rest.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<Person>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<Person> manager, Person user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Use a password of {MaximumLength:N0} characters or fewer.",
            });
        }

        if (IsCommon(password))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "That password is on a list of commonly used passwords. Choose one that is harder to guess, such as a few unrelated words.",
            });
        }
        else if (ContainsOwnDetails(password, user))
        {
            errors.Add(new IdentityError
            {
                Code = "PasswordContainsUserDetails",
                Description = "Your password cannot be your email address or your name.",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password)
    {
        var normalized = password.Trim().ToLowerInvariant();
        // "aaaaaaaaaaaa" and "121212121212" are as guessable as any listed password.
        return CommonPasswords.Value.Contains(normalized) || normalized.Distinct().Count() <= 2;
    }

    private static bool ContainsOwnDetails(string password, Person user)
    {
        var candidate = password.Trim();
        return new[] { user.Email, user.UserName, user.DisplayName, user.Email?.Split('@')[0] }
            .Where(detail => detail is { Length: >= 6 })
            .Any(detail => candidate.Equals(detail, StringComparison.OrdinalIgnoreCase)
                || candidate.Contains(detail!, StringComparison.OrdinalIgnoreCase) && candidate.Length - detail!.Length < 4);
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("CareStories.Web.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
