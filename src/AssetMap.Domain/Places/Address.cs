namespace AssetMap.Domain.Places;

/// <summary>A postal address: street line, town and postcode.</summary>
/// <param name="Line">Street line, e.g. "12 Orsett Road"; empty when only the town is known.</param>
/// <param name="Town">Town, e.g. "Grays".</param>
/// <param name="Postcode">The postcode, when known.</param>
public sealed record Address(string? Line, string Town, Postcode? Postcode);
