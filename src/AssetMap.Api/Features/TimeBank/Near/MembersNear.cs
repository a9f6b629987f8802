using AssetMap.Api.Features.Assets;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.TimeBank.Near;

/// <summary>
/// "Members near a person": the one place that decides what a practitioner sees of time-bank members, whoever asks
/// (REST, GraphQL, the page). Distances are measured in SQL from the stored ~1 km cell centre and leave the database
/// only as a band; the order is band, then name, so the order within a band says nothing finer either.
/// </summary>
internal sealed class MembersNear(AssetMapDbContext db, AssetSearchValidator validator)
{
    /// <summary>Checks the query and answers one page; errors name the caller's own fields.</summary>
    public async Task<(MembersNearPage? Page, ParameterErrors Errors)> FindAsync(MembersNearQuery query, MembersNearFieldNames names, CancellationToken ct)
    {
        var errors = new ParameterErrors();
        var point = await PointAsync(query, names, errors, ct);
        // The taxonomy is a few dozen rows, read once: it resolves the need and names the skills on the page.
        var taxonomy = await db.Categories.AsNoTracking().Select(c => new Category(c.Id, c.Slug, c.Name, c.ParentId)).ToListAsync(ct);
        var (skill, skills) = Skill(query.Skill, names.Skill, taxonomy, errors);
        var pageSize = query.PageSize ?? MembersNearQuery.DefaultPageSize;
        if (pageSize is < 1 or > MembersNearQuery.MaxPageSize)
        {
            errors.Add(Key(names.PageSize), $"{names.PageSize} must be between 1 and {MembersNearQuery.MaxPageSize}.");
        }

        var offset = query.Offset ?? ((long)((query.Page ?? 1) - 1) * pageSize);
        if (query.Page is < 1)
        {
            errors.Add(Key(names.Page), $"{names.Page} starts at 1.");
        }
        else if (offset > MembersNearQuery.MaxOffset)
        {
            errors.Add(Key(names.Page), $"{names.Page} is too far: results are paged up to the first {MembersNearQuery.MaxOffset:N0}.");
        }

        if (errors.Any || point is null)
        {
            return (null, errors);
        }

        return (await SearchAsync(point, skill, skills, taxonomy, (int)offset, pageSize, ct), errors);
    }

    private async Task<MembersNearPage> SearchAsync(
        Point point, SkillRef? skill, string[]? skills, IReadOnlyList<Category> taxonomy, int offset, int pageSize, CancellationToken ct)
    {
        // Active members with a location (a member who left has none) within reach: ST_DWithin on the GiST index.
        var members = db.TimeBankMembers.AsNoTracking()
            .Where(m => m.Status == MemberStatus.Active && m.CoarseLocation != null)
            .Where(m => EF.Functions.IsWithinDistance(m.CoarseLocation!, point, DistanceBands.MaxMetres, false));
        if (skills is not null)
        {
            // Array overlap (&&), served by the GIN index on skills_offered.
            members = members.Where(m => m.SkillsOffered.Any(s => skills.Contains(s)));
        }

        var total = await members.CountAsync(ct);
        var rows = await members
            .Select(m => new
            {
                // The band is all that leaves the database: no distance, no point.
                Band = EF.Functions.IsWithinDistance(m.CoarseLocation!, point, DistanceBands.Edges[0], false) ? 0
                    : EF.Functions.IsWithinDistance(m.CoarseLocation!, point, DistanceBands.Edges[1], false) ? 1
                    : EF.Functions.IsWithinDistance(m.CoarseLocation!, point, DistanceBands.Edges[2], false) ? 2
                    : 3,
                m.Id,
                m.DisplayName,
                m.SkillsOffered,
                m.Availability,
                m.TimeBankId,
            })
            // Band, then name; the id only breaks ties between equal names so pages never overlap (a v7 id orders by
            // registration time, which says nothing about where anyone lives).
            .OrderBy(r => r.Band).ThenBy(r => r.DisplayName).ThenBy(r => r.Id)
            .Skip(offset).Take(pageSize)
            .ToListAsync(ct);

        var banks = await db.TimeBanks.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new { b.Id, Contact = new BrokerContact(b.Name, b.BrokerName, b.BrokerEmail, b.BrokerPhone) })
            .ToListAsync(ct);
        var brokers = banks.ToDictionary(b => b.Id, b => b.Contact);
        var names = taxonomy.ToDictionary(c => c.Slug, c => c.Name, StringComparer.Ordinal);
        var items = rows.Select(r => new MemberNear(
                r.DisplayName,
                (DistanceBand)r.Band,
                [.. r.SkillsOffered.OrderBy(s => skills?.Contains(s) == true ? 0 : 1).Select(s => new SkillRef(s, names.GetValueOrDefault(s, s)))],
                r.Availability,
                brokers[r.TimeBankId]))
            .ToList();
        return new MembersNearPage(items, total, offset, pageSize, skill, [.. banks.Select(b => b.Contact)]);
    }

    private async Task<Point?> PointAsync(MembersNearQuery query, MembersNearFieldNames names, ParameterErrors errors, CancellationToken ct)
    {
        var input = new SearchInput { Postcode = query.Postcode, Latitude = query.Latitude, Longitude = query.Longitude };
        var point = await validator.PointAsync(input, Names(names), errors, ct);
        if (point is null && !errors.Any)
        {
            errors.Add(Key(names.Postcode), $"Give the person's {names.Postcode}, or {names.Latitude} and {names.Longitude}.");
        }

        return point;
    }

    // A top-level category stands for itself and its subcategories (a member offering "gardening" matches "home-and-garden").
    private static (SkillRef? Skill, string[]? Slugs) Skill(string? slug, string name, IReadOnlyList<Category> taxonomy, ParameterErrors errors)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return (null, null);
        }

        var wanted = slug.Trim().ToLowerInvariant();
        var category = taxonomy.SingleOrDefault(c => c.Slug == wanted);
        if (category is null)
        {
            errors.Add(Key(name), $"'{(wanted.Length > 60 ? wanted[..60] + "…" : wanted)}' is not a category slug (see /api/v1/categories).");
            return (null, null);
        }

        return (new SkillRef(category.Slug, category.Name), [category.Slug, .. taxonomy.Where(c => c.ParentId == category.Id).Select(c => c.Slug)]);
    }

    private static SearchFieldNames Names(MembersNearFieldNames n) =>
        new(n.Postcode, n.Latitude, n.Longitude, "radius", "pcn", "kind", n.Skill, "q", "openOn", n.Page, n.PageSize);

    private static string Key(string name) => SearchFieldNames.Key(name);

    private sealed record Category(Guid Id, string Slug, string Name, Guid? ParentId);
}
