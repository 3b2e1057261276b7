using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareStories.Web.Identity;

/// <summary>Puts the person's display name into the sign-in cookie so the header can greet them without a query.</summary>
public sealed class PersonClaimsPrincipalFactory(
    UserManager<Person> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

public static class PrincipalExtensions
{
    public static string PersonId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Nobody is signed in.");

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PersonClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
