namespace CareStories.Domain.Settings;

/// <summary>How the company runs its recognition; one row, kept by the Admin.</summary>
public sealed class CompanySettings
{
    public const int SingletonId = 1;
    public const int DefaultReviewOverdueDays = 3;
    public const int MaxReviewOverdueDays = 60;
    public const int DefaultNotRecognisedDays = 90;
    public const int MaxNotRecognisedDays = 730;

    public CompanySettings()
    {
        Id = SingletonId;
        ReviewOverdueDays = DefaultReviewOverdueDays;
        NotRecognisedDays = DefaultNotRecognisedDays;
    }

    public int Id { get; private set; }

    /// <summary>When true, a submitted story is published at once, without a manager's review.</summary>
    public bool PublishWithoutReview { get; private set; }

    /// <summary>Stories waiting longer than this many days stand out in the review queue.</summary>
    public int ReviewOverdueDays { get; private set; }

    /// <summary>Insights and the weekly nudge name the people nobody has recognised in this many days.</summary>
    public int NotRecognisedDays { get; private set; }

    public void SetNotRecognisedDays(int days)
    {
        if (days < 7 || days > MaxNotRecognisedDays)
        {
            throw new DomainException($"Enter a number of days from 7 to {MaxNotRecognisedDays:N0}.", nameof(NotRecognisedDays));
        }

        NotRecognisedDays = days;
    }

    public void Update(bool publishWithoutReview, int reviewOverdueDays)
    {
        if (reviewOverdueDays < 1 || reviewOverdueDays > MaxReviewOverdueDays)
        {
            throw new DomainException($"Enter a number of days from 1 to {MaxReviewOverdueDays:N0}.", nameof(ReviewOverdueDays));
        }

        PublishWithoutReview = publishWithoutReview;
        ReviewOverdueDays = reviewOverdueDays;
    }
}
