namespace AssetMap.Domain.TimeBank;

/// <summary>Where a member is in their time in the bank. Nothing is ever deleted: leaving anonymises instead.</summary>
public enum MemberStatus
{
    /// <summary>Gives and receives hours.</summary>
    Active,

    /// <summary>Paused by the broker: keeps their balance, cannot receive new exchanges, can be re-activated.</summary>
    Deactivated,

    /// <summary>Left the time bank: personal fields anonymised, ledger entries kept so every balance still adds up.</summary>
    Left,
}
