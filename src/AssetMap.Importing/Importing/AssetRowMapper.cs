using System.Globalization;
using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.Taxonomy;
using AssetMap.Import.Parsing;
using AssetMap.Import.Readers;
using NetTopologySuite.Geometries;

namespace AssetMap.Import.Importing;

/// <summary>
/// Reads one spreadsheet row into an <see cref="AssetCandidate"/>, or records why not. This class only reads cells
/// (formats, lookups, inferences); the domain's factories decide whether the asset is valid, in <see cref="AssetApplier"/>.
/// </summary>
internal sealed class AssetRowMapper(
    string fileName,
    AssetKind? kindOption,
    IReadOnlyDictionary<string, Category> categories,
    IReadOnlyDictionary<string, Point> postcodes,
    DateOnly today)
{
    /// <summary>The row's candidate, or null with the reasons recorded on the returned row.</summary>
    public (AssetCandidate? Candidate, RowContext Row) Map(ImportTable table, ImportRow importRow)
    {
        var row = new RowContext(table, importRow);
        return (Candidate(row, table), row);
    }

    private AssetCandidate? Candidate(RowContext row, ImportTable table)
    {
        var kind = Kind(row, table.Sheet);
        var profile = Profile(row);
        var assetCategories = Categories(row);

        // Check the kind's own fields even when the shared ones failed: the officer sees every problem in one go.
        OpeningHours? hours = null;
        MicroEnterpriseDetails? enterprise = null;
        ActivityDraft? activity = null;
        switch (kind)
        {
            case AssetKind.Hub:
                hours = row.Get("openingHours", cell => CellParse.Text(cell) is { Value: { } text } ? Domain(() => OpeningHours.Parse(text)) : Parsed.Success<OpeningHours?>(null));
                break;
            case AssetKind.MicroEnterprise:
                enterprise = Enterprise(row);
                break;
            case AssetKind.Activity:
                activity = Activity(row);
                break;
        }

        if (row.HasErrors || kind is null || profile is null)
        {
            return null;
        }

        var reference = row.Text("ref");
        var key = reference is not null
            ? $"ref:{kind}:{reference.ToUpperInvariant()}"
            : $"name:{kind}:{Normalise(profile.Name)}:{profile.Address.Postcode?.Value}";
        return new AssetCandidate(row, kind.Value, reference, key, profile, assetCategories, hours, row.List("facilities"), enterprise, activity);
    }

    /// <summary>The sheet field a broken domain rule's field stands for on a row of <paramref name="kind"/>.</summary>
    public static string ColumnFor(AssetKind kind, RowContext row, string domainField) => domainField switch
    {
        "serviceRadius" => "serviceRadiusKm",
        "price" when kind == AssetKind.Activity => "cost",
        "schedule" => row.Has("schedule") || !row.Has("recurrence") ? "schedule" : "recurrence",
        "location" or "latitude" or "longitude" => row.Has("latitude") || row.Has("longitude")
            ? (domainField == "longitude" ? "longitude" : "latitude")
            : row.Has("easting") ? "easting" : "postcode",
        _ => domainField,
    };

    public static string Normalise(string name) =>
        new([.. name.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

    private AssetKind? Kind(RowContext row, string? sheet)
    {
        if (kindOption is { } fixedKind)
        {
            return fixedKind;
        }

        // A Type column, else a sheet (or CSV file) named after the kind: "Hubs", "micro-enterprises-2026.csv".
        var typed = row.Text("kind");
        var text = typed ?? sheet ?? Path.GetFileNameWithoutExtension(row.Table.File);
        var kind = typed is not null ? ParseKind(typed) : KindNamedIn(text);
        if (kind is null)
        {
            row.Error("kind", text is null
                ? "The kind of asset is unknown: add a Type column (hub, micro-enterprise or activity), name the sheet or file after it, or pass --kind."
                : typed is not null
                    ? $"'{text}' is not a kind of asset: use hub, micro-enterprise or activity."
                    : $"The kind of asset is unknown ('{text}' names no kind): add a Type column (hub, micro-enterprise or activity), name the sheet or file after it, or pass --kind.");
        }

        return kind;
    }

    /// <summary>The one kind a sheet or file name mentions ("Activities spring 2026"), or null when none or several.</summary>
    public static AssetKind? KindNamedIn(string? name)
    {
        var text = Normalise(name ?? "");
        AssetKind[] named =
        [
            .. text.Contains("HUB", StringComparison.Ordinal) || text.Contains("VENUE", StringComparison.Ordinal) ? [AssetKind.Hub] : Array.Empty<AssetKind>(),
            .. text.Contains("ENTERPRISE", StringComparison.Ordinal) || text.Contains("BUSINESS", StringComparison.Ordinal) ? [AssetKind.MicroEnterprise] : Array.Empty<AssetKind>(),
            .. text.Contains("ACTIVIT", StringComparison.Ordinal) ? [AssetKind.Activity] : Array.Empty<AssetKind>(),
        ];
        return named.Length == 1 ? named[0] : null;
    }

    public static AssetKind? ParseKind(string text) => Normalise(text) switch
    {
        "HUB" or "HUBS" or "COMMUNITYHUB" or "COMMUNITYHUBS" or "VENUE" or "VENUES" => AssetKind.Hub,
        "MICROENTERPRISE" or "MICROENTERPRISES" or "BUSINESS" or "BUSINESSES" or "ENTERPRISE" or "ENTERPRISES" => AssetKind.MicroEnterprise,
        "ACTIVITY" or "ACTIVITIES" or "SOCIALPRESCRIBINGACTIVITY" or "SOCIALPRESCRIBINGACTIVITIES" or "GROUP" or "GROUPS" => AssetKind.Activity,
        _ => null,
    };

    private AssetProfile? Profile(RowContext row)
    {
        if (!row.Has("name") && row.Has("organisation"))
        {
            row.StandIn("name", "organisation");
        }

        // Name and summary rules are the domain's (Asset.ApplyProfile): a missing one is reported when the asset is built.
        var name = row.Text("name");
        var description = row.Text("description");
        var town = row.Text("town");
        var summary = row.Text("summary") ?? FirstSentence(description);
        if (summary is null && row.List("categories") is { Count: > 0 } named && town is not null)
        {
            // Many CVS sheets have no summary column: say what it is and where, and tell the officer.
            summary = $"{string.Join(", ", named)} in {town}.";
            row.Warning("summary", $"No summary or description: used '{summary}'.");
        }

        var postcode = row.Get("postcode", cell => CellParse.Text(cell) is { Value: { } text } ? Domain(() => Postcode.Parse(text)) : Parsed.Success<Postcode?>(null));
        if (town is null)
        {
            row.Error("town", "A town is required.");
        }

        var location = Location(row, postcode);
        var contact = new Contact(row.Get("phone", CellParse.Phone), row.Get("email", CellParse.Email), row.Get("website", CellParse.Website));
        var status = row.Get("status", cell => CellParse.Text(cell) is { Value: { } text }
            ? (Enum.TryParse<AssetStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _)
                ? Parsed.Success<AssetStatus?>(parsed)
                : Parsed.Fail<AssetStatus?>($"'{text}' is not a status: use Draft, Published or Archived."))
            : Parsed.Success<AssetStatus?>(AssetStatus.Published));
        var verified = row.Get("lastVerified", CellParse.Date);
        var accessible = row.Get("wheelchairAccessible", CellParse.YesNo) ?? false;
        if (row.HasErrors || town is null || location is null || status is null)
        {
            return null;
        }

        return new AssetProfile(
            name ?? "", summary ?? "", description, new Address(row.Text("address"), town, postcode), location, contact, accessible,
            row.Text("accessibilityNotes"), status.Value,
            verified is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            new AssetSource(row.Text("ref"), fileName, row.Table.Sheet, row.Row.RowNumber));
    }

    // Latitude/longitude, else easting/northing (British National Grid), else the postcode's point.
    private Point? Location(RowContext row, Postcode? postcode)
    {
        if (row.Has("latitude") || row.Has("longitude"))
        {
            var lat = row.Get("latitude", CellParse.Number);
            var lon = row.Get("longitude", CellParse.Number);
            if (lat is { } y && lon is { } x)
            {
                if (y is < 49 or > 61 || x is < -9 or > 3)
                {
                    row.Error("latitude", $"{y}, {x} is not in Great Britain (latitude 49..61, longitude -9..3): are the columns swapped?");
                    return null;
                }

                return Geo.Point(x, y);
            }
        }

        if (row.Has("easting") || row.Has("northing"))
        {
            var easting = row.Get("easting", CellParse.Number);
            var northing = row.Get("northing", CellParse.Number);
            if (easting is { } e && northing is { } n)
            {
                try
                {
                    return Geodata.BritishNationalGrid.ToWgs84(e, n);
                }
                catch (ArgumentException error)
                {
                    row.Error("easting", error.Message);
                    return null;
                }
            }
        }

        if (postcode is not null && postcodes.TryGetValue(postcode.Value, out var point))
        {
            return point;
        }

        if (!row.HasErrors)
        {
            row.Error("postcode", postcode is null
                ? "No usable location: give latitude and longitude, easting and northing, or a postcode."
                : $"No usable location: {postcode} is not in the postcode directory (import it with the postcodes command) and the row has no coordinates.");
        }

        return null;
    }

    private List<Category> Categories(RowContext row)
    {
        var found = new List<Category>();
        foreach (var name in row.List("categories"))
        {
            if (categories.TryGetValue(name, out var category))
            {
                found.Add(category);
            }
            else
            {
                row.Error("categories", $"'{name}' is not a category or a synonym of one (see /api/v1/categories).");
            }
        }

        return found;
    }

    private static MicroEnterpriseDetails? Enterprise(RowContext row)
    {
        var price = row.Get("price", CellParse.PriceWithUnit);
        var radiusKm = row.Get("serviceRadiusKm", CellParse.Number);
        var homeBased = row.Get("homeBased", CellParse.YesNo) ?? false;
        var showHome = row.Get("showHomeLocation", CellParse.YesNo) ?? false;

        return new MicroEnterpriseDetails(
            row.List("services"), price?.Price, row.Text("priceUnit") ?? price?.Unit, row.Get("directPayments", CellParse.YesNo) ?? false,
            row.Get("insuranceExpiry", CellParse.Date), row.Get("dbsChecked", CellParse.Date), row.Text("cqcRegistration"),
            radiusKm is { } km ? (int)Math.Round(km * 1000) : null, ServiceArea: null, homeBased, showHome,
            row.Get("cqcChecked", CellParse.Date));
    }

    private ActivityDraft? Activity(RowContext row)
    {
        // Many CVS exports have no provider column: the organisation named on the row runs the activity. With neither,
        // the domain rejects the row (an activity needs a provider).
        var provider = row.Text("provider");
        if (provider is null && row.Text("organisation") is { } organisation)
        {
            provider = organisation;
            row.Warning("provider", $"No provider given: '{organisation}', the organisation on this row, is taken to run it.");
        }

        Schedule? schedule = null;
        if (row.Has("schedule"))
        {
            schedule = row.Get("schedule", cell => SchedulePhrase.Parse(CellParse.Text(cell).Value, today));
        }
        else if (row.Has("recurrence"))
        {
            schedule = ExplicitSchedule(row);
        }
        else
        {
            row.Error("schedule", "An activity needs a schedule, e.g. 'Tuesdays 10:00-12:00'.");
        }

        var referral = row.Get("referral", cell => CellParse.Text(cell).Value is { } text ? Referral(text) : Parsed.Success<ReferralRoute?>(ReferralRoute.Either));
        var capacity = row.Get("capacity", CellParse.Integer);
        return schedule is null || referral is null
            ? null
            : new ActivityDraft(provider ?? "", row.Text("venueRef"), schedule, row.Get("cost", CellParse.Price), row.Text("eligibility"), referral.Value, capacity);
    }

    // The sample's shape: first session date, start and end times, and an RRULE.
    private static Schedule? ExplicitSchedule(RowContext row)
    {
        var first = row.Get("firstSession", CellParse.Date);
        var start = Time(row, "startTime");
        var end = Time(row, "endTime");
        if (first is null || start is null || end is null)
        {
            if (!row.HasErrors)
            {
                row.Error("firstSession", "A Recurrence needs First session, Start time and End time too.");
            }

            return null;
        }

        return row.Get("recurrence", cell => Domain(() => Schedule.Create(first.Value.ToDateTime(start.Value), end.Value - start.Value, CellParse.Text(cell).Value ?? "")));
    }

    private static TimeOnly? Time(RowContext row, string field) => row.Get(field, cell => cell switch
    {
        null => Parsed.Fail<TimeOnly?>("A time is required."),
        DateTime time => Parsed.Success<TimeOnly?>(TimeOnly.FromDateTime(time)),
        double fraction when fraction is >= 0 and < 1 => Parsed.Success<TimeOnly?>(TimeOnly.FromTimeSpan(TimeSpan.FromDays(fraction))),
        _ => TimeOnly.TryParse(cell.ToString(), CultureInfo.InvariantCulture, out var time)
            ? Parsed.Success<TimeOnly?>(time)
            : Parsed.Fail<TimeOnly?>($"'{cell}' is not a time like 10:00."),
    });

    private static Parsed<ReferralRoute?> Referral(string text) => Normalise(text) switch
    {
        "SELFREFERRAL" or "SELF" or "DROPIN" or "ANYONE" => Parsed.Success<ReferralRoute?>(ReferralRoute.SelfReferral),
        "LINKWORKER" or "VIALINKWORKER" or "REFERRAL" or "GPREFERRAL" => Parsed.Success<ReferralRoute?>(ReferralRoute.LinkWorker),
        "EITHER" or "BOTH" => Parsed.Success<ReferralRoute?>(ReferralRoute.Either),
        _ => Parsed.Fail<ReferralRoute?>($"'{text}' is not Self-referral, Link worker or Either."),
    };

    private static string? FirstSentence(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return null;
        }

        var end = description.IndexOfAny(['.', '!', '?']);
        var sentence = end > 0 ? description[..(end + 1)] : description;
        return sentence.Length <= 200 ? sentence.Trim() : sentence[..197].TrimEnd() + "…";
    }

    private static Parsed<T?> Domain<T>(Func<T> create)
    {
        try
        {
            return Parsed.Success<T?>(create());
        }
        catch (DomainRuleException e)
        {
            return Parsed.Fail<T?>(e.Message);
        }
    }
}
