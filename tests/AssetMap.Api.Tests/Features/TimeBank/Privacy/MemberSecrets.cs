using System.Globalization;
using System.Text.RegularExpressions;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Features.TimeBank.Privacy;

/// <summary>
/// What must never reach a surface that is not for it: every member's id (both GUID spellings), reference, display
/// name, own-words offer text, contact details and coarse coordinates (as the API writes numbers, latitude and
/// longitude side by side in either order). A response may echo what its own request sent (a searched word, a forged
/// id in a problem's message): that is not a leak, so secrets found in the request are not looked for in its answer.
/// </summary>
internal sealed partial class MemberSecrets
{
    private readonly List<(string Kind, string Member, string Text)> _texts = [];
    private readonly List<(string Member, Regex Pattern, string Text)> _points = [];

    public IReadOnlyList<string> DisplayNames { get; private set; } = [];

    public IReadOnlyList<Guid> Ids { get; private set; } = [];

    public IReadOnlyList<string> Refs { get; private set; } = [];

    /// <summary>Words of the members' own texts and names, to search for on every surface.</summary>
    public IReadOnlyList<string> Words { get; private set; } = [];

    public int Count => _texts.Count + _points.Count;

    public static async Task<MemberSecrets> LoadAsync(AssetMapDbContext db, CancellationToken ct)
    {
        var members = await db.TimeBankMembers.AsNoTracking().ToListAsync(ct);
        Assert.True(members.Count >= 50, $"the sample should hold its 50 members, found {members.Count}");

        // A coarse cell that a public point also occupies (a home-based business coarsened the same way, a postcode)
        // reveals nothing about a member there; every other member cell must never appear.
        var publicPoints = (await db.Assets.AsNoTracking().Select(a => a.PublicLocation).ToListAsync(ct))
            .Concat(await db.Postcodes.AsNoTracking().Select(p => p.Location).ToListAsync(ct))
            .Select(p => (Math.Round(p.Y, 4), Math.Round(p.X, 4))).ToHashSet();

        var secrets = new MemberSecrets();
        foreach (var m in members)
        {
            secrets._texts.Add(("id", m.MemberRef, m.Id.ToString("D")));
            secrets._texts.Add(("id", m.MemberRef, m.Id.ToString("N")));
            secrets._texts.Add(("reference", m.MemberRef, m.MemberRef));
            secrets._texts.Add(("display name", m.MemberRef, m.DisplayName));
            if (m.ContactDetails is { } contact)
            {
                secrets._texts.Add(("contact details", m.MemberRef, contact));
            }

            // Multi-part own words ("Dog walking; English conversation") are the member's; a single phrase such as
            // "Gardening" is also a public category name, so only the sentinels' single phrases are looked for.
            if (m.OfferDetails is { } words && (words.Contains(';', StringComparison.Ordinal) || m.MemberRef.StartsWith("TB-SENT", StringComparison.Ordinal)))
            {
                secrets._texts.Add(("offer details", m.MemberRef, words));
            }

            if (m.CoarseLocation is { } point && !publicPoints.Contains((Math.Round(point.Y, 4), Math.Round(point.X, 4))))
            {
                var lat = Number(point.Y);
                var lon = Number(point.X);
                secrets._points.Add((m.MemberRef, new Regex($@"(?<![\d.]){Regex.Escape(lat)}(?!\d)\D{{1,40}}(?<![\d.]){Regex.Escape(lon)}(?!\d)|(?<![\d.]){Regex.Escape(lon)}(?!\d)\D{{1,40}}(?<![\d.]){Regex.Escape(lat)}(?!\d)", RegexOptions.CultureInvariant), $"{lat},{lon}"));
            }
        }

        secrets.DisplayNames = [.. members.Where(m => m.Status == Domain.TimeBank.MemberStatus.Active).Select(m => m.DisplayName)];
        secrets.Ids = [.. members.Select(m => m.Id)];
        secrets.Refs = [.. members.Select(m => m.MemberRef)];
        secrets.Words = [.. members
            .SelectMany(m => (m.OfferDetails ?? "").Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries).Append(m.FirstName))
            .Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return secrets;
    }

    /// <summary>System.Text.Json's spelling of a coordinate (shortest round-trip).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The secrets <paramref name="response"/> holds that <paramref name="request"/> did not itself send.</summary>
    public IEnumerable<string> FoundIn(string response, string request, bool allowNames = false)
    {
        var sent = Uri.UnescapeDataString(request.Replace('+', ' '));
        foreach (var (kind, member, text) in _texts)
        {
            if (allowNames && kind == "display name")
            {
                continue;
            }

            if (response.Contains(text, StringComparison.OrdinalIgnoreCase) && !sent.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{kind} of {member} ({text})";
            }
        }

        foreach (var (member, pattern, text) in _points)
        {
            if (pattern.IsMatch(response) && !pattern.IsMatch(sent))
            {
                yield return $"coarse point of {member} ({text})";
            }
        }
    }
}
