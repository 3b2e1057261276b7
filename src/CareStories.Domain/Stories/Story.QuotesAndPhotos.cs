namespace CareStories.Domain.Stories;

/// <summary>The customers' quotes and the photos a story carries: kept with the story, changed through it.</summary>
public sealed partial class Story
{
    public CustomerQuote AddQuote(QuoteDetails details, DateTimeOffset at)
    {
        EnsureEditable();
        EnsureTypedIn(details);
        if (_quotes.Count >= MaxQuotes)
        {
            throw new DomainException($"A story can carry at most {MaxQuotes} quotes. Remove one to add another.");
        }

        var quote = new CustomerQuote(details, TextRules.LatestToday(at), at);
        _quotes.Add(quote);
        UpdatedAt = at;
        return quote;
    }

    public void EditQuote(int quoteId, QuoteDetails details, DateTimeOffset at)
    {
        EnsureEditable();
        EnsureTypedIn(details);
        FindQuote(quoteId).Edit(details, TextRules.LatestToday(at));
        UpdatedAt = at;
    }

    /// <summary>
    /// A customer's thank-you a manager approved onto this story. It may join a story under review or already
    /// published, because the manager, not the author, vouches for it; a draft only through its author's hands.
    /// </summary>
    public CustomerQuote AttachThanks(QuoteDetails details, DateTimeOffset at)
    {
        if (Status is StoryStatus.Withdrawn or StoryStatus.Draft)
        {
            throw new DomainException(
                $"A thank-you cannot be added to a story that is {Status.Label().ToLowerInvariant()}. Choose another story or start a draft.",
                "StoryId");
        }

        if (_quotes.Count >= MaxQuotes)
        {
            throw new DomainException($"That story already carries {MaxQuotes} quotes. Choose another story or start a draft.", "StoryId");
        }

        var quote = new CustomerQuote(details, TextRules.LatestToday(at), at);
        _quotes.Add(quote);
        UpdatedAt = at;
        return quote;
    }

    /// <summary>
    /// A new draft started from a customer's approved thank-you: the words are the customer's, not typed in, and the
    /// history's first entry says the approving manager started it, not its owner.
    /// </summary>
    internal static (Story Story, CustomerQuote Quote) StartFromThanks(
        string ownerId, string managerId, string title, int? teamId, QuoteDetails details, DateTimeOffset at)
    {
        var story = new Story(
            ownerId, new StoryContent(title, null, null, null, null, null, null, null, null), managerId, StartedFromThanksComment, at);
        if (teamId is { } id)
        {
            story._teams.Add(new StoryTeam(id));
        }

        var quote = new CustomerQuote(details, TextRules.LatestToday(at), at);
        story._quotes.Add(quote);
        return (story, quote);
    }

    /// <summary>
    /// Removes a quote's words or who it is from, for privacy, whatever the story's status. The original is not
    /// kept; who removed it, when and why is.
    /// </summary>
    public QuoteRedaction RedactQuote(int quoteId, QuotePart part, string adminId, string? reason, DateTimeOffset at) =>
        FindQuote(quoteId).Redact(part, adminId, reason, at);

    /// <summary>Checks there is room for one more photo, before anything is decoded or stored.</summary>
    public void EnsureRoomForPhoto()
    {
        EnsureEditable();
        if (_photos.Count >= MaxPhotos)
        {
            throw new DomainException($"A story can carry at most {MaxPhotos} photos. Remove one to add another.", "Photo");
        }
    }

    public StoryPhoto AddPhoto(StoredPhotoFile file, string? altText, DateTimeOffset at)
    {
        EnsureRoomForPhoto();
        var text = StoryPhoto.NormalizeAltText(altText);
        var photo = new StoryPhoto(file, text, _photos.Count == 0 ? 0 : _photos.Max(p => p.Position) + 1, at);
        _photos.Add(photo);
        UpdatedAt = at;
        return photo;
    }

    public void DescribePhoto(int photoId, string? altText, DateTimeOffset at)
    {
        EnsureEditable();
        FindPhoto(photoId).Describe(altText ?? "");
        UpdatedAt = at;
    }

    /// <summary>Takes the photo off the story; the caller deletes its stored files once the change is saved.</summary>
    public StoryPhoto RemovePhoto(int photoId, DateTimeOffset at)
    {
        EnsureEditable();
        var photo = FindPhoto(photoId);
        _photos.Remove(photo);
        UpdatedAt = at;
        return photo;
    }

    /// <summary>
    /// An Admin takes a photo off the story whatever its status (a face, a licence plate, an address), with a reason
    /// kept on record. The photo itself is not kept; the caller deletes its stored files once the change is saved.
    /// </summary>
    public StoryPhoto TakeDownPhoto(int photoId, string adminId, string? reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminId);
        var why = TextRules.Normalize(reason);
        if (why.Length == 0)
        {
            throw new DomainException("Say why the photo is being removed; the reason is kept on record.", "Reason");
        }

        if (why.Length > PhotoTakedown.ReasonMaxLength)
        {
            throw new DomainException($"Keep the reason to {PhotoTakedown.ReasonMaxLength} characters or fewer.", "Reason");
        }

        var photo = FindPhoto(photoId);
        _photos.Remove(photo);
        _photoTakedowns.Add(new PhotoTakedown(adminId, why, at));
        return photo;
    }

    public void RemoveQuote(int quoteId, DateTimeOffset at)
    {
        EnsureEditable();
        _quotes.Remove(FindQuote(quoteId));
        UpdatedAt = at;
    }

    private static void EnsureTypedIn(QuoteDetails details)
    {
        if (details.Source == QuoteSource.ThankYouLink)
        {
            throw new DomainException("Choose where the customer's words came from.", "Source");
        }
    }

    private StoryPhoto FindPhoto(int photoId) =>
        _photos.Find(p => p.Id == photoId) ?? throw new DomainException("That photo is not on this story.");

    private CustomerQuote FindQuote(int quoteId) =>
        _quotes.Find(q => q.Id == quoteId) ?? throw new DomainException("That quote is not on this story.");
}
