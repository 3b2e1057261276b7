namespace CareStories.BrowserTests.Infrastructure;

/// <summary>
/// Every browser test belongs to this collection: one app server and one Chromium for all of them, and the
/// tests run one after another (two cores are shared with the build, and journeys are heavy).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServer>, ICollectionFixture<Browser>
{
    public const string Name = "Browser";
}
