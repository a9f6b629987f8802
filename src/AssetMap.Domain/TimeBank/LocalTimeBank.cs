namespace AssetMap.Domain.TimeBank;

/// <summary>
/// One time bank and its broker. Practitioners never contact a member directly: they see the broker's contact details.
/// The optional credit limit is how far a member's balance may go below zero.
/// </summary>
public sealed class LocalTimeBank
{
    private LocalTimeBank()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>URL key, e.g. <c>thurrock-time-bank</c>.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>e.g. "Thurrock Time Bank".</summary>
    public string Name { get; private set; } = "";

    /// <summary>Who practitioners contact about a member.</summary>
    public string BrokerName { get; private set; } = "";

    /// <summary>The broker's email.</summary>
    public string? BrokerEmail { get; private set; }

    /// <summary>The broker's phone.</summary>
    public string? BrokerPhone { get; private set; }

    /// <summary>How far below zero a balance may go; null means no limit.</summary>
    public Hours? CreditLimit { get; private set; }

    /// <summary>Creates a time bank.</summary>
    public static LocalTimeBank Create(string name, string brokerName, string? brokerEmail, string? brokerPhone, Hours? creditLimit)
    {
        var bank = new LocalTimeBank { Id = Guid.CreateVersion7() };
        bank.Update(name, brokerName, brokerEmail, brokerPhone, creditLimit);
        bank.Slug = Assets.Slug.From(bank.Name);
        return bank;
    }

    /// <summary>Changes the name, the broker's contact details or the credit limit.</summary>
    public void Update(string name, string brokerName, string? brokerEmail, string? brokerPhone, Hours? creditLimit)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("name", "A time bank needs a name.");
        }

        if (string.IsNullOrWhiteSpace(brokerName))
        {
            throw new DomainRuleException("brokerName", "A time bank needs a broker for practitioners to contact.");
        }

        if (string.IsNullOrWhiteSpace(brokerEmail) && string.IsNullOrWhiteSpace(brokerPhone))
        {
            throw new DomainRuleException("brokerEmail", "Give the broker's email or phone so practitioners can get in touch.");
        }

        if (creditLimit is { Quarters: < 0 })
        {
            throw new DomainRuleException("creditLimit", "A credit limit is a number of hours of zero or more.");
        }

        Name = name.Trim();
        BrokerName = brokerName.Trim();
        BrokerEmail = string.IsNullOrWhiteSpace(brokerEmail) ? null : brokerEmail.Trim();
        BrokerPhone = string.IsNullOrWhiteSpace(brokerPhone) ? null : brokerPhone.Trim();
        CreditLimit = creditLimit;
    }

    /// <summary>Whether a member whose balance is <paramref name="balance"/> may receive <paramref name="hours"/> more.</summary>
    public bool Allows(Hours balance, Hours hours) => CreditLimit is not { } limit || (balance - hours).Quarters >= -limit.Quarters;
}
