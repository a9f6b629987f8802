namespace AssetMap.Import.Tests.Seeding;

/// <summary>Which of Thurrock's four localities each sample town belongs to: the fact the sample's geometry must agree with.</summary>
internal static class SampleTowns
{
    private static readonly Dictionary<string, string> Localities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Aveley"] = "Aveley, South Ockendon and Purfleet",
        ["South Ockendon"] = "Aveley, South Ockendon and Purfleet",
        ["Purfleet"] = "Aveley, South Ockendon and Purfleet",
        ["West Thurrock"] = "Aveley, South Ockendon and Purfleet",
        ["Grays"] = "Grays",
        ["Little Thurrock"] = "Grays",
        ["Tilbury"] = "Tilbury and Chadwell",
        ["Chadwell St Mary"] = "Tilbury and Chadwell",
        ["East Tilbury"] = "Tilbury and Chadwell",
        ["Orsett"] = "Tilbury and Chadwell",
        ["Stanford-le-Hope"] = "Stanford-le-Hope and Corringham",
        ["Corringham"] = "Stanford-le-Hope and Corringham",
    };

    public static string Locality(string town) =>
        Localities.TryGetValue(town, out var locality) ? locality : throw new KeyNotFoundException($"Town '{town}' is not a sample town.");
}
