using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace CareStories.Web.Identity;

/// <summary>
/// Length, not composition: 12 to 128 characters, refused when it is a well-known password (in any case, or a
/// common word padded with digits, a year or symbols, or with letters swapped for look-alikes) or the person's
/// own email or name. The minimum is enforced by Identity's options; this adds the rest.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<Person>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(() => Load("common-passwords.txt"));

    // The short favourites ("welcome", "monkey") that people pad to the length with digits, a year or a symbol.
    private static readonly Lazy<HashSet<string>> CommonWords = new(() => Load("common-words.txt"));

    // Digits, symbols and spaces around the word: "Welcome2026!", "!!monkey123456", "P@ssw0rd1234".
    private static readonly Regex Padding = new(@"^[\d\W_]*(?<core>.*?)[\d\W_]*$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));

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
        if (CommonPasswords.Value.Contains(normalized) || normalized.Distinct().Count() <= 2)
        {
            return true;
        }

        // Guessing tools try every listed word with digits and symbols added and letters swapped for look-alikes.
        var core = Padding.Match(normalized).Groups["core"].Value;
        return core.Length > 0 && (IsListed(core) || IsListed(Unleet(core)));
    }

    private static bool IsListed(string word) => CommonWords.Value.Contains(word) || CommonPasswords.Value.Contains(word);

    private static string Unleet(string word) => string.Create(word.Length, word, static (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            chars[i] = source[i] switch
            {
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' or '+' => 't',
                '8' => 'b',
                '9' => 'g',
                var other => other,
            };
        }
    });

    private static bool ContainsOwnDetails(string password, Person user)
    {
        var candidate = password.Trim();
        return new[] { user.Email, user.UserName, user.DisplayName, user.Email?.Split('@')[0] }
            .Where(detail => detail is { Length: >= 6 })
            .Any(detail => candidate.Equals(detail, StringComparison.OrdinalIgnoreCase)
                || candidate.Contains(detail!, StringComparison.OrdinalIgnoreCase) && candidate.Length - detail!.Length < 4);
    }

    private static HashSet<string> Load(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("CareStories.Web.Identity." + fileName)
            ?? throw new InvalidOperationException($"The list {fileName} is not embedded in the app.");
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
