namespace CareStories.BrowserTests.Infrastructure;

/// <summary>The screen sizes every journey is tried at. Theories take the name so test names stay readable.</summary>
public sealed record Screen(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Screen Phone = new("phone", 390, 844, IsMobile: true);

    public static readonly Screen Laptop = new("laptop", 1366, 900, IsMobile: false);

    public static Screen Named(string name) => name switch
    {
        "phone" => Phone,
        "laptop" => Laptop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use \"phone\" or \"laptop\"."),
    };
}
