namespace AssetMap.Domain;

/// <summary>A domain rule was broken: the message says which, in words a data officer understands.</summary>
public sealed class DomainRuleException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> with a plain-English <paramref name="message"/>.</summary>
    public DomainRuleException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The field (or value object) whose rule was broken, e.g. <c>postcode</c>.</summary>
    public string Field { get; }
}
