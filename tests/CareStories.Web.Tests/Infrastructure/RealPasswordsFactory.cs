namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// The app with Identity's real password hashing, for the tests about signing in, registering and passwords:
/// what they check (lockout, wrong passwords, rehashing, timing of the real page) must run at the real cost.
/// </summary>
public class RealPasswordsFactory : CareStoriesFactory
{
    protected override bool RealPasswordHashing => true;
}
