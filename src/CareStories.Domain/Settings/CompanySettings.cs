namespace CareStories.Domain.Settings;

/// <summary>How the company runs its recognition; one row, kept by the Admin.</summary>
public sealed class CompanySettings
{
    public const int SingletonId = 1;
    public const int DefaultReviewOverdueDays = 3;
    public const int MaxReviewOverdueDays = 60;

    public CompanySettings()
    {
        Id = SingletonId;
        ReviewOverdueDays = DefaultReviewOverdueDays;
    }

    public int Id { get; private set; }

    /// <summary>When true, a submitted story is published at once, without a manager's review.</summary>
    public bool PublishWithoutReview { get; private set; }

    /// <summary>Stories waiting longer than this many days stand out in the review queue.</summary>
    public int ReviewOverdueDays { get; private set; }

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
