using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareStories.Web.Authorization;

public static class Policies
{
    public const string Administer = nameof(Administer);

    /// <summary>Open the review queue: managers (for their teams) and Admins (for everyone).</summary>
    public const string ReviewStories = nameof(ReviewStories);

    /// <summary>Celebrate a published story with a badge: managers and leaders.</summary>
    public const string Celebrate = nameof(Celebrate);

    /// <summary>Pin a story to the top of the feed: leaders.</summary>
    public const string FeatureStories = nameof(FeatureStories);

    /// <summary>The spend ledger: leaders and Admins for the whole company, managers for their teams.</summary>
    public const string SeeSpendLedger = nameof(SeeSpendLedger);

    /// <summary>"Rules we bent" and the decisions on them: leaders.</summary>
    public const string DecideOnRules = nameof(DecideOnRules);

    /// <summary>Insights: leaders and admins for the whole company, managers for their own teams.</summary>
    public const string ReadInsights = nameof(ReadInsights);

    public static IServiceCollection AddCareStoriesAuthorization(this IServiceCollection services)
    {
        // Every page needs a signed-in person unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Administer, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(ReviewStories, policy => policy.RequireRole(Roles.Manager, Roles.Admin))
            .AddPolicy(Celebrate, policy => policy.RequireRole(Roles.Manager, Roles.Leader))
            .AddPolicy(FeatureStories, policy => policy.RequireRole(Roles.Leader))
            .AddPolicy(SeeSpendLedger, policy => policy.RequireRole(Roles.Manager, Roles.Leader, Roles.Admin))
            .AddPolicy(DecideOnRules, policy => policy.RequireRole(Roles.Leader))
            .AddPolicy(ReadInsights, policy => policy.RequireRole(Roles.Leader, Roles.Admin, Roles.Manager));
        services.AddScoped<IAuthorizationHandler, StoryAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, CommentAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, FixAuthorizationHandler>();
        services.AddScoped<ThanksAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler>(provider => provider.GetRequiredService<ThanksAuthorizationHandler>());
        return services;
    }
}

/// <summary>What someone wants to do with one story; checked by <see cref="StoryAuthorizationHandler"/>.</summary>
public static class StoryOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Edit, add quotes, submit, withdraw, reopen or delete: the author's alone.</summary>
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };

    /// <summary>Publish or send back: see <see cref="Domain.Stories.StoryAccess.CanReview"/>.</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
}

/// <summary>What someone wants to do with one comment; checked by <see cref="CommentAuthorizationHandler"/>.</summary>
public static class CommentOperations
{
    /// <summary>Edit or delete: the person who wrote it, and nobody else (not even an Admin, who hides instead).</summary>
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };

    /// <summary>Hide it from everyone, with a reason on record: Admins.</summary>
    public static readonly OperationAuthorizationRequirement Hide = new() { Name = nameof(Hide) };
}
