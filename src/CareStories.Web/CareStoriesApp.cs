using System.Threading.RateLimiting;
using CareStories.Data;
using CareStories.Web.Authorization;
using CareStories.Web.Delivery;
using CareStories.Web.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CareStories.Web;

/// <summary>How the app is put together; Program.cs only calls these two.</summary>
public static class CareStoriesApp
{
    public static WebApplicationBuilder AddCareStories(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.UseDefaultAddressInDevelopment();
        services.AddSingleton(TimeProvider.System);
        // One line per entry, addresses masked; as JSON for a log collector with Logging:Console:FormatterName=json.
        builder.Logging.AddConsole(options => options.FormatterName = JsonLogs(configuration) ? JsonLogFormatter.Name : SafeLogFormatter.Name)
            .AddConsoleFormatter<SafeLogFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>()
            .AddConsoleFormatter<JsonLogFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        // Database:Provider picks SQLite (the default) or PostgreSQL; ConnectionStrings:CareStories says where.
        var database = CareStoriesDatabase.ParseProvider(configuration[CareStoriesDatabase.ProviderSetting]);
        var connectionString = DatabasePaths.ResolveConnectionString(configuration, builder.Environment, database);
        // PostgreSQL: the stamps and bells kept in memory and kept current by the database's announcements (see the
        // class); Freshness:ListenForChanges=false reads them on every page instead.
        var listenForChanges = database == DatabaseProvider.PostgreSQL && configuration.GetValue("Freshness:ListenForChanges", true);
        if (listenForChanges)
        {
            services.AddHttpContextAccessor();
            services.AddSingleton(sp => new Freshness.PostgresChangeFeed(
                new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString,
                sp.GetRequiredService<ILogger<Freshness.PostgresChangeFeed>>()));
            services.AddHostedService(sp => sp.GetRequiredService<Freshness.PostgresChangeFeed>());
            services.AddSingleton<Freshness.ChangeFeedSaves>();
        }

        services.AddCareStoriesDatabase(database, _ => connectionString,
            (provider, options) =>
            {
                options.AddInterceptors(provider.GetRequiredService<Delivery.DeliveryNudge>());
                if (provider.GetService<Freshness.ChangeFeedSaves>() is { } saves)
                {
                    options.AddInterceptors(saves);
                }
            });

        services.Configure<RegistrationOptions>(configuration.GetSection(RegistrationOptions.Section));
        services.AddIdentity<Person, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedAccount = configuration.GetValue("Identity:RequireConfirmedAccount", true);
                options.User.RequireUniqueEmail = true;
                // Length over composition (NIST SP 800-63B): at least 12, at most 128, common passwords refused.
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Identity:MaxFailedAccessAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Identity:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<CareStoriesDbContext>()
            .AddUserManager<CareStoriesUserManager>()
            .AddDefaultTokenProviders()
            .AddDefaultUI()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<PersonClaimsPrincipalFactory>();
        // Sign-out, a password change and a role change give the person a new security stamp; every cookie is
        // checked against it this often, so a copied or stolen cookie stops working within the minute.
        services.AddMemoryCache();
        services.AddScoped<UnknownAccountSignIns>();
        services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Identity:SessionCheckSeconds", 60)));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.AccessDeniedPath = "/Identity/Account/AccessDenied";
            options.Cookie.Name = "CareStories.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            // A signed-in person who may not do something gets a real 403 and the friendly status page,
            // not a redirect to a page that answers 200.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        // A cookie already read in the last half minute is not decrypted again (Identity/SignInTicketCache); every
        // check of the ticket still runs on each request. Identity:CacheSignInTickets=false turns it off (to measure it).
        var signInCookie = services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme);
        if (configuration.GetValue("Identity:CacheSignInTickets", true))
        {
            signInCookie.PostConfigure(options => options.TicketDataFormat = new SignInTicketCache(options.TicketDataFormat));
        }

        // The security stamp validator is asked only when its check may be due (Identity/SessionCheckWhenDue).
        if (configuration.GetValue("Identity:AskStampValidatorOnlyWhenDue", true))
        {
            signInCookie.PostConfigure<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>(
                (options, stamps) => SessionCheckWhenDue.Apply(options, stamps.Value));
        }

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "CareStories.Antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddCareStoriesDataProtection(configuration, builder.Environment);
        services.AddCareStoriesTransport(configuration, builder.Environment);

        services.AddCareStoriesDelivery(configuration);
        services.AddScoped<Pages.Mail.Unsubscribing>();
        services.AddHostedService<Insights.RecognitionNudgeService>();
        // Insights' figures of the months already over, kept under their own stamp (see KeptMonths).
        services.AddSingleton<Domain.Insights.KeptMonths>();

        services.AddCareStoriesAuthorization();
        services.AddScoped<Pages.Stories.StoryGate>();
        services.AddScoped<Freshness.SharedContentStamp>();
        if (database == DatabaseProvider.Sqlite)
        {
            // The stamp and the bell on connections kept open with their statements prepared (see the class).
            services.AddSingleton(sp => new Freshness.SqliteRequestStamps(
                connectionString, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Freshness.SqliteRequestStampsOptions>>()));
        }

        services.AddScoped<Notifications.NotificationBell>();
        services.AddSingleton<Freshness.SharedContentCache>();
        // The only <cache> tag left is the menu's, a few kilobytes per set of roles: markup filed under change stamps (the
        // feed's pages and cards, the story page's parts) is kept in SharedContentCache (<shared-markup>), which keeps
        // one stamp per key. The framework's default would let its own cache grow to 100 MB.
        services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(options => options.SizeLimit = 1024 * 1024);
        services.AddScoped<Pages.Thanks.LinkGate>();
        services.AddCareStoriesPhotos(configuration, builder.Environment);
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Stories");
            options.Conventions.AuthorizeFolder("/Feed");
            options.Conventions.AuthorizeFolder("/People");
            options.Conventions.AuthorizeFolder("/Notifications");
            options.Conventions.AuthorizeFolder("/Thanks");
            options.Conventions.AuthorizeFolder("/Voice");
            options.Conventions.AuthorizeFolder("/Fixes");
            options.Conventions.AuthorizePage("/Fixes/Celebrate", Policies.Celebrate);
            options.Conventions.AuthorizeFolder("/Search");
            options.Conventions.AuthorizeFolder("/Huddle");
            // Feed readers cannot sign in: the Atom feed is read with the person's secret in its address instead.
            options.Conventions.AllowAnonymousToFolder("/Atom");
            // Customers thank people through links without an account: only this folder is open to them.
            options.Conventions.AllowAnonymousToFolder("/Public");
            // Unsubscribe links in mail work signed out: a signed token says who and what.
            options.Conventions.AllowAnonymousToFolder("/Mail");
            options.Conventions.AuthorizePage("/Stories/Celebrate", Policies.Celebrate);
            options.Conventions.AuthorizePage("/Stories/Feature", Policies.FeatureStories);
            options.Conventions.AuthorizeFolder("/Review", Policies.ReviewStories);
            options.Conventions.AuthorizeFolder("/Insights", Policies.ReadInsights);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administer);
            options.Conventions.AuthorizeFolder("/Ledger", Policies.SeeSpendLedger);
            options.Conventions.AuthorizeFolder("/Rules", Policies.DecideOnRules);
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/StatusCode");
        }).AddMvcOptions(options => options.Filters.Add(new RequestShapeFilter()));

        QuietTempData.Register(services);
        if (configuration.GetValue("Antiforgery:ReuseTokens", false))
        {
            ReuseAntiforgeryTokens(services);
        }

        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => FriendlyBindingMessages(options.ModelBindingMessageProvider));
        services.AddAuthRateLimiting(configuration);
        services.AddCareStoriesProxies(configuration);
        services.AddCareStoriesHealth();
        return builder;
    }

    public static WebApplication UseCareStories(this WebApplication app)
    {
        // First: the client's address and scheme as the trusted proxy saw them, for everything after.
        app.UseCareStoriesProxies(app.Configuration);
        app.UseCareStoriesInstanceName(app.Configuration);
        // The friendly error page in every environment: people never see a stack trace; developers read the log.
        app.UseCareStoriesTransport(app.Configuration, app.Environment);
        app.WarnIfKeysUnencrypted();
        app.UseExceptionHandler("/Error");

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/StatusCode", "?code={0}");
        app.UseRouting();
        // After authentication: photo uploads are limited per person, not per address.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.Use(LimitThanksPostSize);
        app.UseAuthorization();
        app.MapCareStoriesHealth();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    // The framework's antiforgery, wrapped so a page's form token is reused for the same cookie and person
    // (Identity/ReusedAntiforgeryTokens); POSTs are validated by the framework as before.
    private static void ReuseAntiforgeryTokens(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(Microsoft.AspNetCore.Antiforgery.IAntiforgery));
        services.Remove(framework);
        services.AddSingleton<Microsoft.AspNetCore.Antiforgery.IAntiforgery>(provider => new ReusedAntiforgeryTokens(
            (Microsoft.AspNetCore.Antiforgery.IAntiforgery)ActivatorUtilities.CreateInstance(provider, framework.ImplementationType!),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>()));
    }

    private static bool JsonLogs(IConfiguration configuration) =>
        configuration["Logging:Console:FormatterName"] is { } name
        && (name.Equals("json", StringComparison.OrdinalIgnoreCase) || name.Equals(JsonLogFormatter.Name, StringComparison.OrdinalIgnoreCase));

    private static void AddAuthRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:AccountPostsPerMinute", 10);
        var photoPermits = configuration.GetValue("RateLimiting:PhotoUploadsPerMinute", 6);
        services.AddSingleton<Thanks.ThanksPostLimit>();
        // Counted in Redis when Redis:Configuration is set, so the budgets hold across instances (SharedRateLimits).
        services.AddSingleton<SharedRateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<SharedRateLimits>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only sign-in and registration posts are limited here, per client address: guessing passwords and
            // mass sign-ups are what this stops; reading pages stays unlimited. The public thank-you form has
            // its own budget (ThanksPostLimit), so customers flooding it never lock staff out of signing in (and
            // the reverse), and it is asked by the form itself, which keeps the customer's words when it refuses.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsAccountPost(context.Request) ? PerAddress(limits, context, "account:", permits)
                : IsPhotoUpload(context.Request) ? PerPerson(limits, context, "photos:", photoPermits)
                : RateLimitPartition.GetNoLimiter("unlimited"));
            options.OnRejected = (context, _) =>
            {
                // No body: the status code pages show the app's own page, which says when to try again.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                Pages.StatusCodeModel.SetRetryAfter(context.HttpContext, wait);
                if (IsPhotoUpload(context.HttpContext.Request))
                {
                    context.HttpContext.Items[Pages.StatusCodeModel.ExplanationKey] =
                        "You have added several photos in a short time. Each one takes a while to prepare, so wait a minute and add the rest.";
                }

                return ValueTask.CompletedTask;
            };
        });
    }

    // The client's address: behind a trusted proxy, the one it forwarded (Proxies).
    private static RateLimitPartition<string> PerAddress(SharedRateLimits limits, HttpContext context, string prefix, int permits) =>
        limits.PerMinute(prefix + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), permits);

    // Turning a large picture into its display size and thumbnail costs seconds of CPU; one person cannot queue many.
    private static RateLimitPartition<string> PerPerson(SharedRateLimits limits, HttpContext context, string prefix, int permits) =>
        context.User.Identity?.IsAuthenticated == true
            ? limits.PerMinute(prefix + context.User.PersonId(), permits)
            : PerAddress(limits, context, prefix, permits);

    // A story's photos and a person's own profile photo.
    private static bool IsPhotoUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && ((request.Path.StartsWithSegments("/Stories", StringComparison.OrdinalIgnoreCase)
                && request.Path.Value!.EndsWith("/Photos", StringComparison.OrdinalIgnoreCase))
            || request.Path.Equals("/Identity/Account/Manage/Photo", StringComparison.OrdinalIgnoreCase))
        && string.Equals(request.Query["handler"], "Upload", StringComparison.OrdinalIgnoreCase);

    // Strangers post to the public thank-you form: refuse anything bigger than it could be before the body is read.
    private static Task LimitThanksPostSize(HttpContext context, RequestDelegate next)
    {
        if (IsThanksPost(context.Request))
        {
            const int limit = Pages.Public.ThankModel.MaxRequestBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }
        }

        return next(context);
    }

    // The public thank-you form lives at /t/{token}.
    private static bool IsThanksPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/t", StringComparison.OrdinalIgnoreCase);

    // The framework's defaults ("The value 'x' is not valid for Amount.") read like errors from a machine.
    private static void FriendlyBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"\u201c{value}\u201d is not a valid {field.ToLowerInvariant()}.");
        messages.SetValueMustBeANumberAccessor(field => $"Enter {field.ToLowerInvariant()} as a number.");
        messages.SetValueIsInvalidAccessor(value => $"\u201c{value}\u201d is not valid here.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Enter {field.ToLowerInvariant()}.");
        messages.SetValueMustNotBeNullAccessor(value => "This cannot be empty.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\u201c{value}\u201d is not valid here.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Enter a valid {field.ToLowerInvariant()}.");
    }

    // Every page that checks a secret (password, 2FA or recovery code, reset token) or sends mail to an address.
    private static readonly string[] LimitedAccountPages =
    [
        "/Identity/Account/Login", "/Identity/Account/LoginWith2fa", "/Identity/Account/LoginWithRecoveryCode",
        "/Identity/Account/Register", "/Identity/Account/ForgotPassword", "/Identity/Account/ResetPassword",
        "/Identity/Account/ResendEmailConfirmation",
    ];

    private static bool IsAccountPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && Array.Exists(LimitedAccountPages, page => request.Path.Equals(page, StringComparison.OrdinalIgnoreCase));
}
