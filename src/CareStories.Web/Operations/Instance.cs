namespace CareStories.Web.Operations;

/// <summary>
/// Which instance answered, for whoever runs several: with <c>App:InstanceName</c> set, every answer carries it in
/// <c>X-CareStories-Instance</c> (and every log entry of that instance in its scope), so a slow or failing request
/// seen at the proxy leads to the right log. Unset (the default) nothing is added: one instance has nothing to tell.
/// </summary>
public static class Instance
{
    public const string NameKey = "App:InstanceName";
    public const string Header = "X-CareStories-Instance";

    public static void UseCareStoriesInstanceName(this IApplicationBuilder app, IConfiguration configuration)
    {
        var name = configuration[NameKey];
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        app.Use((context, next) =>
        {
            context.Response.Headers[Header] = name;
            return next(context);
        });
    }
}
