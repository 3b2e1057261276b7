using CareStories.Domain.Catalogue;

namespace CareStories.Domain.Tests.Catalogue;

public sealed class CareValueTests
{
    [Fact]
    public void A_value_keeps_its_trimmed_name_and_description()
    {
        var value = new CareValue("  Workaround first ", " Solve the customer's real need today. ");

        Assert.Equal("Workaround first", value.Name);
        Assert.Equal("Solve the customer's real need today.", value.Description);
        Assert.False(value.IsRetired);
    }

    [Fact]
    public void A_value_needs_a_name_and_a_description()
    {
        var errors = Assert.Throws<DomainException>(() => new CareValue(" ", "")).Errors;

        Assert.Equal(["Name", "Description"], errors.Fields());
    }

    [Fact]
    public void Name_and_description_over_the_limit_are_refused_and_the_value_is_unchanged()
    {
        var value = new CareValue("Ownership", "See it through.");

        var errors = Assert.Throws<DomainException>(() => value.Update(
            new string('n', CareValue.NameMaxLength + 1),
            new string('d', CareValue.DescriptionMaxLength + 1))).Errors;

        Assert.Equal(["Name", "Description"], errors.Fields());
        Assert.Equal("Ownership", value.Name);
    }

    [Fact]
    public void A_retired_value_can_be_restored()
    {
        var value = new CareValue("Ownership", "See it through.");

        value.Retire();
        Assert.True(value.IsRetired);

        value.Restore();
        Assert.False(value.IsRetired);
    }
}
