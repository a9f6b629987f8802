using AssetMap.Api.Features.Assets;
using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.Editing;

/// <summary>
/// Turns an <see cref="AssetEdit"/> into an unsaved entity through the domain's factories: the importer's one set of
/// rules. Lookups the domain cannot do (categories by slug, a postcode's point, the venue) happen here, each problem
/// recorded against its contract field so a form shows them all at once; then the factory has the last word.
/// </summary>
internal sealed class AssetDraft(AssetMapDbContext db)
{
    /// <summary>A new, unsaved entity of <paramref name="kind"/>, or null with <paramref name="errors"/> filled.</summary>
    /// <param name="kind">The kind to build.</param>
    /// <param name="edit">The fields.</param>
    /// <param name="current">The record being replaced, if any: its point stays unless the postcode moved, its service-area polygon stays.</param>
    /// <param name="errors">Receives each problem by field.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Asset?> BuildAsync(AssetKind kind, AssetEdit edit, Asset? current, EditErrors errors, CancellationToken ct)
    {
        WrongSections(kind, edit, errors);
        var town = edit.Address?.Town?.Trim();
        if (string.IsNullOrEmpty(town))
        {
            errors.Add("address.town", "A town is required.");
        }

        var postcode = string.IsNullOrWhiteSpace(edit.Address?.Postcode) ? null : errors.Check("address.postcode", () => Postcode.Parse(edit.Address!.Postcode));
        var contact = ContactOf(edit.Contact, errors);
        var location = await LocationAsync(edit, postcode, current, errors, ct);
        var categories = await CategoriesAsync(edit.Categories, errors, ct);
        if (errors.Any || location is null || contact is null)
        {
            return null;
        }

        var profile = new AssetProfile(
            edit.Name ?? "", edit.Summary ?? "", edit.Description, new Address(Blank(edit.Address?.Line), town!, postcode), location, contact,
            edit.WheelchairAccessible, edit.AccessibilityNotes,
            // Left out: a new entry is published; a replaced one keeps its status and when it was last checked.
            edit.Status ?? current?.Status ?? AssetStatus.Published, edit.LastVerifiedAt ?? current?.LastVerifiedAt,
            current?.Source ?? AssetSource.Manual);
        try
        {
            return kind switch
            {
                AssetKind.Hub => Hub(profile, categories, edit.Hub, errors),
                AssetKind.MicroEnterprise => Enterprise(profile, categories, edit.MicroEnterprise, current as MicroEnterprise, errors),
                _ => await ActivityAsync(profile, categories, edit.Activity, errors, ct),
            };
        }
        catch (DomainRuleException rule)
        {
            errors.Add(DomainFields.ContractName(rule.Field, kind), rule.Message);
            return null;
        }
    }

    private static void WrongSections(AssetKind kind, AssetEdit edit, EditErrors errors)
    {
        if (edit.Hub is not null && kind != AssetKind.Hub)
        {
            errors.Add("hub", "Only hubs have hub fields.");
        }

        if (edit.MicroEnterprise is not null && kind != AssetKind.MicroEnterprise)
        {
            errors.Add("microEnterprise", "Only micro-enterprises have micro-enterprise fields.");
        }

        if (edit.Activity is not null && kind != AssetKind.Activity)
        {
            errors.Add("activity", "Only activities have activity fields.");
        }
    }

    // Each part on its own first, so a form hears about a bad phone and a bad email together.
    private static Contact? ContactOf(ContactResponse? given, EditErrors errors)
    {
        var phone = errors.Check("contact.phone", () => new Contact(given?.Phone, null, null));
        var email = errors.Check("contact.email", () => new Contact(null, given?.Email, null));
        var website = errors.Check("contact.website", () => new Contact(null, null, given?.Website));
        return phone is null || email is null || website is null ? null : new Contact(given?.Phone, given?.Email, given?.Website);
    }

    // As the importer: the given point, else the postcode's point from the postcode directory.
    private async Task<Point?> LocationAsync(AssetEdit edit, Postcode? postcode, Asset? current, EditErrors errors, CancellationToken ct)
    {
        var postcodeMoved = current is not null && postcode is not null && postcode != current.Address.Postcode;
        if (edit.Location is { } at && !(postcodeMoved && current!.Location.Y == at.Latitude && current.Location.X == at.Longitude))
        {
            if (at.Latitude is < 49 or > 61 || at.Longitude is < -9 or > 3)
            {
                errors.Add("location", $"{at.Latitude}, {at.Longitude} is not in Great Britain (latitude 49..61, longitude -9..3).");
                return null;
            }

            return Geo.Point(at.Longitude, at.Latitude);
        }

        if (postcode is null)
        {
            if (!errors.ByField.ContainsKey("address.postcode"))
            {
                errors.Add("address.postcode", "No usable location: give a location or a postcode.");
            }

            return null;
        }

        var found = await db.Postcodes.AsNoTracking().Where(p => p.Postcode == postcode).Select(p => p.Location).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            errors.Add("address.postcode", $"No usable location: {postcode} is not in the postcode directory and no location was given.");
        }

        return found;
    }

    private async Task<List<Category>> CategoriesAsync(IReadOnlyList<string>? slugs, EditErrors errors, CancellationToken ct)
    {
        var wanted = (slugs ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var found = await db.Categories.Where(c => wanted.Contains(c.Slug)).ToListAsync(ct);
        foreach (var missing in wanted.Where(s => found.All(c => c.Slug != s)))
        {
            errors.Add("categories", $"'{missing}' is not a category (see /api/v1/categories).");
        }

        return found;
    }

    private static CommunityHub? Hub(AssetProfile profile, List<Category> categories, HubEdit? hub, EditErrors errors)
    {
        var hours = string.IsNullOrWhiteSpace(hub?.OpeningHours) ? null : errors.Check("hub.openingHours", () => OpeningHours.Parse(hub!.OpeningHours!));
        return errors.Any ? null : CommunityHub.Create(profile, categories, hours, hub?.Facilities ?? []);
    }

    private static MicroEnterprise? Enterprise(AssetProfile profile, List<Category> categories, MicroEnterpriseEdit? me, MicroEnterprise? current, EditErrors errors)
    {
        me ??= new MicroEnterpriseEdit(null, null, null, false, null, null, null, null, false, false);
        var price = me.PricePence is { } pence ? errors.Check("microEnterprise.pricePence", () => (Money?)new Money(pence)) : null;
        return errors.Any ? null : MicroEnterprise.Create(profile, categories, new MicroEnterpriseDetails(
            me.Services ?? [], price, me.PriceUnit, me.AcceptsDirectPayments, me.InsuranceExpiresOn, me.DbsCheckedOn, me.CqcRegistration,
            me.ServiceRadiusMetres, current?.ServiceArea, me.HomeBased, me.ShowsHomeLocation));
    }

    private async Task<SocialPrescribingActivity?> ActivityAsync(
        AssetProfile profile, List<Category> categories, ActivityEdit? activity, EditErrors errors, CancellationToken ct)
    {
        if (activity?.Schedule is not { } given)
        {
            errors.Add("activity.schedule", "An activity needs a schedule: a first start, a length in minutes and an RRULE.");
            return null;
        }

        var schedule = errors.Check("activity.schedule", () => Schedule.Create(given.FirstStart, TimeSpan.FromMinutes(given.DurationMinutes), given.Rule ?? ""));
        var cost = activity.CostPence is { } pence ? errors.Check("activity.costPence", () => (Money?)new Money(pence)) : null;
        if (activity.VenueId is { } venue && !await db.Hubs.AnyAsync(h => h.Id == venue, ct))
        {
            errors.Add("activity.venueId", $"'{venue}' is not the id of a hub.");
        }

        return errors.Any || schedule is null ? null : SocialPrescribingActivity.Create(profile, categories, new ActivityDetails(
            activity.Provider ?? "", activity.VenueId, schedule, cost, activity.Eligibility, activity.Referral ?? ReferralRoute.Either, activity.Capacity));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
