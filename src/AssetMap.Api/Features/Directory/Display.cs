using System.Globalization;
using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Directory;

/// <summary>How the pages word the read model's values: labels and formats only, no rules.</summary>
internal static class Display
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string KindLabel(AssetKind kind) => kind switch
    {
        AssetKind.Hub => "Community hub",
        AssetKind.MicroEnterprise => "Local service",
        AssetKind.Activity => "Activity",
        _ => kind.ToString(),
    };

    public static string Distance(double metres) =>
        metres < 160 ? "under 0.1 miles" : $"{(metres / WebSearchForm.MetresPerMile).ToString("0.0", Uk)} miles";

    public static string Date(DateTimeOffset? when) => when is { } w ? w.ToString("d MMMM yyyy", Uk) : "not recorded";

    public static string Date(DateOnly when) => when.ToString("d MMMM yyyy", Uk);

    public static string Session(DateTime start) => start.ToString("dddd d MMMM, h:mmtt", Uk).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);

    /// <summary>What it costs, or null when the entry does not say.</summary>
    public static string? Cost(AssetView view) => view switch
    {
        { Activity.Cost: { } cost } => cost.ToString(),
        { MicroEnterprise.Price: { } price } => price.IsFree || view.MicroEnterprise.PriceUnit is null
            ? price.ToString() : $"{price} {view.MicroEnterprise.PriceUnit}",
        _ => null,
    };

    /// <summary>The next sessions of an activity, in UK time.</summary>
    public static IReadOnlyList<DateTime> NextSessions(AssetView view, DateTime nowLocal, int count) =>
        view.Activity?.Schedule is { } schedule ? schedule.NextSessions(nowLocal, count) : [];

    /// <summary>"When": the next session of an activity or a hub's opening hours, for lists.</summary>
    public static string? When(AssetView view, DateTime nowLocal) => view switch
    {
        { Activity: not null } => NextSessions(view, nowLocal, 1) is [var next, ..] ? $"Next session: {Session(next)}" : "No sessions coming up",
        { Hub.OpeningHours: { } hours } => $"Open: {OpeningHours(hours)}",
        _ => null,
    };

    public static string OpeningHours(OpeningHours hours) => string.Join("; ", hours.Periods
        .GroupBy(p => (p.Opens, p.Closes))
        .Select(g => $"{string.Join(", ", g.Select(p => Uk.DateTimeFormat.GetAbbreviatedDayName(p.Day)))} {Time(g.Key.Opens)} to {Time(g.Key.Closes)}"));

    public static string Referral(ReferralRoute route) => route switch
    {
        ReferralRoute.SelfReferral => "Just come along or get in touch",
        ReferralRoute.LinkWorker => "Through a link worker or social prescriber",
        _ => "Get in touch yourself, or through a link worker",
    };

    /// <summary>Where to go, as far as the public may know: the street address, or only the area for a hidden home.</summary>
    public static string Where(AssetView view) => view.AddressLine is { } line
        ? string.Join(", ", new[] { line, view.Town, view.Postcode }.Where(s => !string.IsNullOrWhiteSpace(s)))
        : $"{view.Town} area ({view.Postcode})";

    public static string ServiceArea(MicroEnterpriseView business) => business.ServiceRadiusMetres is { } r
        ? $"Within about {(r / (double)WebSearchForm.MetresPerMile).ToString("0.#", Uk)} miles"
        : "Ask the business";

    public static bool Expired(DateOnly? date, DateOnly today) => date is { } d && d < today;

    public static string MonthYear(DateTimeOffset when) => when.ToString("MMMM yyyy", Uk);

    /// <summary>"Last checked November 2026", or, for an unverified entry, that it has not been checked since then.</summary>
    public static string Checked(Verification verification, DateTimeOffset createdAt) => (verification.State, verification.LastVerifiedAt) switch
    {
        (VerificationState.Unverified, { } last) => $"Not checked since {MonthYear(last)}: details may be out of date",
        (VerificationState.Unverified, null) => $"Not checked since it was added in {MonthYear(createdAt)}: details may be out of date",
        (_, { } last) => $"Last checked {MonthYear(last)}",
        _ => "Not checked yet",
    };

    public static string EvidenceName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.DbsCheck => "DBS check",
        EvidenceKind.PublicLiabilityInsurance => "Public liability insurance",
        _ => "CQC registration",
    };

    /// <summary>What the evidence row says after its tag, in plain words.</summary>
    public static string EvidenceText(EvidenceItem item) => (item.Kind, item.State) switch
    {
        (_, EvidenceState.NoDate) when item.Kind == EvidenceKind.CqcRegistration => $"{item.Reference}: date of the last check not recorded",
        (_, EvidenceState.NoDate) => "Not recorded",
        (EvidenceKind.DbsCheck, EvidenceState.Expired) => $"Checked {Date(item.Date!.Value)}: more than {Age(item)} ago, due again",
        (EvidenceKind.DbsCheck, _) => $"Checked {Date(item.Date!.Value)}, due again by {Date(item.ExpiresOn!.Value)}",
        (EvidenceKind.PublicLiabilityInsurance, EvidenceState.Expired) => $"Expired on {Date(item.ExpiresOn!.Value)}",
        (EvidenceKind.PublicLiabilityInsurance, _) => $"Valid until {Date(item.ExpiresOn!.Value)}",
        (_, EvidenceState.Expired) => $"{item.Reference}: last confirmed {Date(item.Date!.Value)}, re-check was due {Date(item.ExpiresOn!.Value)}",
        _ => $"{item.Reference}: confirmed {Date(item.Date!.Value)}, re-check due {Date(item.ExpiresOn!.Value)}",
    };

    /// <summary>The GOV.UK tag for a flagged item; null when the evidence is in date.</summary>
    public static (string Text, string Class)? EvidenceTag(EvidenceState state) => state switch
    {
        EvidenceState.Expired => ("Expired", "govuk-tag--red"),
        EvidenceState.ExpiringSoon => ("Expires soon", "govuk-tag--yellow"),
        EvidenceState.NoDate => ("No date", "govuk-tag--grey"),
        _ => null,
    };

    private static string Age(EvidenceItem item)
    {
        var months = ((item.ExpiresOn!.Value.Year - item.Date!.Value.Year) * 12) + item.ExpiresOn.Value.Month - item.Date.Value.Month;
        return months % 12 == 0 ? $"{months / 12} years" : $"{months} months";
    }

    private static string Time(TimeOnly time) => time.ToString(time.Minute == 0 ? "htt" : "h:mmtt", Uk).ToLowerInvariant();
}
