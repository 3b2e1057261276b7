using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Identity;

/// <summary>
/// Identity's user manager with one change: a password reset through the emailed link also ends a lockout.
/// Anyone can lock an account by failing five sign-ins with its address; its owner proves who they are by
/// following the link sent to their mailbox, so they are never kept out by a stranger's guesses.
/// </summary>
public sealed class CareStoriesUserManager(
    IUserStore<Person> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<Person> passwordHasher,
    IEnumerable<IUserValidator<Person>> userValidators,
    IEnumerable<IPasswordValidator<Person>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<Person>> logger)
    : UserManager<Person>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> ResetPasswordAsync(Person user, string token, string newPassword)
    {
        var result = await base.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await SetLockoutEndDateAsync(user, null);
            await ResetAccessFailedCountAsync(user);
        }

        return result;
    }
}
