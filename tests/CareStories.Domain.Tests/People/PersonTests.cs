using CareStories.Domain.People;

namespace CareStories.Domain.Tests.People;

public sealed class PersonTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_person_signs_in_with_their_email_and_has_a_trimmed_name()
    {
        var person = new Person("rosa@carestories.example", "  Rosa Diaz ", "  Support lead ", Now);

        Assert.Equal("rosa@carestories.example", person.UserName);
        Assert.Equal("rosa@carestories.example", person.Email);
        Assert.Equal("Rosa Diaz", person.DisplayName);
        Assert.Equal("Support lead", person.JobTitle);
        Assert.Equal(Now, person.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_person_needs_a_name(string name)
    {
        var errors = Assert.Throws<DomainException>(() => new Person("a@carestories.example", name, null, Now)).Errors;

        Assert.Equal("DisplayName", Assert.Single(errors).Field);
    }

    [Fact]
    public void Names_and_job_titles_over_the_limit_are_refused_together()
    {
        var person = new Person("a@carestories.example", "Rosa", null, Now);

        var errors = Assert.Throws<DomainException>(() => person.Rename(
            new string('n', Person.DisplayNameMaxLength + 1),
            new string('j', Person.JobTitleMaxLength + 1))).Errors;

        Assert.Equal(["DisplayName", "JobTitle"], errors.Fields());
        Assert.Equal("Rosa", person.DisplayName);
    }

    [Fact]
    public void A_blank_job_title_is_stored_as_none()
    {
        var person = new Person("a@carestories.example", "Rosa", "Agent", Now);

        person.Rename(new string('n', Person.DisplayNameMaxLength), "   ");

        Assert.Null(person.JobTitle);
        Assert.Equal(Person.DisplayNameMaxLength, person.DisplayName.Length);
    }

    [Fact]
    public void A_deactivated_person_records_who_and_when_and_can_be_reactivated()
    {
        var person = new Person("leaver@carestories.example", "Leaver", null, Now);

        person.Deactivate("admin-id", Now);

        Assert.False(person.IsActive);
        Assert.Equal(Now, person.DeactivatedAt);
        Assert.Equal("admin-id", person.DeactivatedById);
        person.Reactivate();
        Assert.True(person.IsActive);
        Assert.Null(person.DeactivatedById);
    }

    [Fact]
    public void A_person_cannot_deactivate_themselves_or_be_deactivated_twice()
    {
        var person = new Person("admin@carestories.example", "Admin", null, Now);

        Assert.Throws<DomainException>(() => person.Deactivate(person.Id, Now));
        Assert.True(person.IsActive);
        Assert.Throws<DomainException>(person.Reactivate);
        person.Deactivate("other-admin", Now);
        Assert.Throws<DomainException>(() => person.Deactivate("other-admin", Now));
    }
}
