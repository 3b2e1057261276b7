namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// The browser tests run as two collections side by side, each with its own app server (its own database, mail
/// folder and keys) and its own Chromium; inside a collection the journeys run one after another. A journey waits on
/// the browser and the app in turn, so two at once keep both cores busy where one left them half idle. Tests in
/// <see cref="BrowserTest"/>'s default collection, <see cref="Name"/>, share one database; a class that says
/// <c>[Collection(BrowserCollection.Second)]</c> shares the other. Journeys make their own distinct data either way.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServer>, ICollectionFixture<Browser>
{
    public const string Name = "Browser";

    public const string Second = "Browser, second app";
}

/// <summary>The second collection: the same fixtures, made again, so its journeys run beside the first's.</summary>
[CollectionDefinition(BrowserCollection.Second)]
public sealed class SecondBrowserCollection : ICollectionFixture<AppServer>, ICollectionFixture<Browser>;
