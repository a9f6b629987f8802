using AssetMap.Domain.Places;
using NetTopologySuite.Geometries;

namespace AssetMap.Domain.Assets;

/// <summary>What every kind of asset has: the fields a CVS spreadsheet row carries for any asset.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Summary">One line, shown in search results.</param>
/// <param name="Description">Longer text, may be empty.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Location">WGS84 point.</param>
/// <param name="Contact">Phone, email, website.</param>
/// <param name="WheelchairAccessible">Step-free access and an accessible toilet, as the CVS records it.</param>
/// <param name="AccessibilityNotes">Free text on access.</param>
/// <param name="Status">Draft, published or archived.</param>
/// <param name="LastVerifiedAt">When someone last checked the record is true.</param>
/// <param name="Source">Where it came from.</param>
public sealed record AssetProfile(
    string Name,
    string Summary,
    string? Description,
    Address Address,
    Point Location,
    Contact Contact,
    bool WheelchairAccessible,
    string? AccessibilityNotes,
    AssetStatus Status,
    DateTimeOffset? LastVerifiedAt,
    AssetSource Source);
