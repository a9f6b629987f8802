using AssetMap.Domain.Assets;

namespace AssetMap.Domain.Suggestions;

/// <summary>
/// A member of the public's proposed correction to one entry: new values for a few public fields, a note and an
/// optional way to reach them. Stored and reviewed, never applied directly: an editor accepts it (applied as an edit,
/// through the same edit code, history source Suggestion) or dismisses it with a reason.
/// </summary>
public sealed class Suggestion
{
    /// <summary>The public fields a suggestion may propose, by the REST contract's names.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["description", "address.line", "contact.phone", "contact.email", "contact.website", "hub.openingHours"];

    private Suggestion()
    {
    }

    /// <summary>Stable id (UUID v7).</summary>
    public Guid Id { get; private set; }

    /// <summary>The entry it is about.</summary>
    public Guid AssetId { get; private set; }

    /// <summary>Proposed values keyed by field name (see <see cref="Fields"/>); only fields the person changed.</summary>
    public IReadOnlyDictionary<string, string> Proposed { get; private set; } = new Dictionary<string, string>();

    /// <summary>What the person wants the editors to know.</summary>
    public string? Note { get; private set; }

    /// <summary>How to reach them, if they want to be asked (never shown publicly).</summary>
    public string? Contact { get; private set; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Pending, accepted or dismissed.</summary>
    public SuggestionStatus Status { get; private set; }

    /// <summary>The editor who decided.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>When it was decided.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why it was dismissed.</summary>
    public string? DismissReason { get; private set; }

    /// <summary>
    /// Checks each proposed value with the rule its field has on an entry (the same value objects and lengths) and
    /// creates a pending suggestion; throws <see cref="DomainRuleException"/> naming the field.
    /// </summary>
    public static Suggestion Submit(Guid assetId, IReadOnlyDictionary<string, string?> proposed, string? note, string? contact, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, raw) in proposed)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var value = raw.Trim();
            values[field] = field switch
            {
                "description" => AtMost(value, 4000, field, "A description is at most 4,000 characters."),
                "address.line" => AtMost(value, 200, field, "An address line is at most 200 characters."),
                "contact.phone" => Checked(field, () => new Contact(value, null, null).Phone!),
                "contact.email" => Checked(field, () => new Contact(null, value, null).Email!),
                "contact.website" => Checked(field, () => new Contact(null, null, value).Website!),
                "hub.openingHours" => Checked(field, () => OpeningHours.Parse(value).ToString()),
                _ => throw new DomainRuleException(field, $"'{field}' cannot be suggested."),
            };
        }

        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : AtMost(note.Trim(), 2000, "note", "A note is at most 2,000 characters.");
        if (values.Count == 0 && cleanNote is null)
        {
            throw new DomainRuleException("note", "Say what is wrong: change a detail or write a note.");
        }

        return new Suggestion
        {
            Id = Guid.CreateVersion7(),
            AssetId = assetId,
            Proposed = values,
            Note = cleanNote,
            Contact = string.IsNullOrWhiteSpace(contact) ? null : AtMost(contact.Trim(), 200, "contact", "Contact details are at most 200 characters."),
            SubmittedAt = now,
            Status = SuggestionStatus.Pending,
        };
    }

    /// <summary>Marks it accepted (the caller has applied it as an edit).</summary>
    public void Accept(string editor, DateTimeOffset now)
    {
        EnsurePending();
        Status = SuggestionStatus.Accepted;
        DecidedBy = editor;
        DecidedAt = now;
    }

    /// <summary>Dismisses it; the entry is left as it is.</summary>
    public void Dismiss(string editor, string reason, DateTimeOffset now)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("reason", "Give a reason for dismissing the suggestion.");
        }

        Status = SuggestionStatus.Dismissed;
        DecidedBy = editor;
        DecidedAt = now;
        DismissReason = AtMost(reason.Trim(), 500, "reason", "A reason is at most 500 characters.");
    }

    private void EnsurePending()
    {
        if (Status != SuggestionStatus.Pending)
        {
            throw new DomainRuleException("status", $"This suggestion was already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static string AtMost(string value, int max, string field, string message) =>
        value.Length > max ? throw new DomainRuleException(field, message) : value;

    // The value objects name their own field ("phone"); a suggestion reports the contract's name.
    private static string Checked(string field, Func<string> check)
    {
        try
        {
            return check();
        }
        catch (DomainRuleException e)
        {
            throw new DomainRuleException(field, e.Message);
        }
    }
}

/// <summary>Where a suggestion is in review.</summary>
public enum SuggestionStatus
{
    /// <summary>Waiting for an editor.</summary>
    Pending,

    /// <summary>Applied as an edit.</summary>
    Accepted,

    /// <summary>Dismissed with a reason; the entry unchanged.</summary>
    Dismissed,
}
