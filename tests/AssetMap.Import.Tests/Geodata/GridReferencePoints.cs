namespace AssetMap.Import.Tests.Geodata;

/// <summary>
/// Reference WGS84 positions for British National Grid references, computed independently with PROJ 9.1.1:
/// <c>echo "E N" | cs2cs -f %.7f EPSG:27700 EPSG:4326</c> (Debian 12 proj-bin). Its proj-data has no OSTN15 grid,
/// so PROJ chose "OSGB36 to WGS 84 (6)", the same 7-parameter Helmert transformation the importer uses: agreement
/// is expected to the centimetre, and the 10 m tolerance of the tests leaves room for OSTN15 values (≈2–4 m apart).
/// </summary>
public static class GridReferencePoints
{
    public sealed record Reference(string Place, double Easting, double Northing, double Latitude, double Longitude);

    public static IReadOnlyList<Reference> AcrossGreatBritain { get; } =
    [
        new("Grays, Thurrock", 561800, 178000, 51.4778219, 0.3285371),
        new("London, Charing Cross", 530050, 180380, 51.5073943, -0.1274940),
        new("Cardiff", 318500, 176500, 51.4815606, -3.1750378),
        new("Edinburgh", 325800, 673800, 55.9514776, -3.1898011),
        new("Penzance", 147500, 30200, 50.1180531, -5.5335297),
        new("Inverness", 266500, 845500, 57.4800261, -4.2281748),
        new("Lerwick, Shetland", 447700, 1141300, 60.1534081, -1.1426532),
        new("Norwich", 623000, 308500, 52.6284194, 1.2936135),
    ];

    /// <summary>Thurrock points used as Code-Point Open rows in the importer tests (same cs2cs source).</summary>
    public static IReadOnlyList<Reference> Thurrock { get; } =
    [
        new("Grays", 561800, 178000, 51.4778219, 0.3285371),
        new("Grays west", 561500, 178200, 51.4797043, 0.3243122),
        new("Tilbury", 564800, 176000, 51.4589890, 0.3707660),
        new("Stanford-le-Hope", 568500, 182500, 51.5162929, 0.4270734),
        new("Aveley", 555500, 181500, 51.5110334, 0.2394336),
        new("Chadwell St Mary", 563300, 179800, 51.4935623, 0.3509495),
    ];
}
