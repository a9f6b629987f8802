namespace AssetMap.Domain.TimeBank;

/// <summary>Balances derived from exchanges: the sum over all members is always zero.</summary>
public static class TimeBankLedger
{
    /// <summary>Each member's balance: hours given minus hours received.</summary>
    public static IReadOnlyDictionary<Guid, Hours> Balances(IEnumerable<TimeBankExchange> exchanges)
    {
        var balances = new Dictionary<Guid, Hours>();
        foreach (var exchange in exchanges)
        {
            balances[exchange.GiverId] = balances.GetValueOrDefault(exchange.GiverId) + exchange.Hours;
            balances[exchange.ReceiverId] = balances.GetValueOrDefault(exchange.ReceiverId) - exchange.Hours;
        }

        return balances;
    }
}
