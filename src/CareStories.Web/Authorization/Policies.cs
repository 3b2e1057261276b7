using CareStories.Domain.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Authorization;

public static class Policies
{
    public const string Administer = nameof(Administer);

    public static IServiceCollection AddCareStoriesAuthorization(this IServiceCollection services)
    {
        // Every page needs a signed-in person unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Administer, policy => policy.RequireRole(Roles.Admin));
        services.AddScoped<IAuthorizationHandler, StoryAuthorizationHandler>();
        return services;
    }
}

/// <summary>What someone wants to do with one story; checked by <see cref="StoryAuthorizationHandler"/>.</summary>
public static class StoryOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Edit, add quotes, submit, withdraw, reopen or delete: the author's alone.</summary>
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };
}
