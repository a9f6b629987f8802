using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Postcodes;

/// <summary>A postcode as a person types it, found in the postcode directory: the one lookup REST and GraphQL share.</summary>
internal sealed class PostcodeLookup(AssetMapDbContext db)
{
    /// <summary>
    /// The directory's row for <paramref name="text"/>; a malformed postcode is a 400 error on <paramref name="parameter"/>,
    /// a well-formed one the directory lacks a 404.
    /// </summary>
    public async Task<PostcodeLocation?> FindAsync(string text, string parameter, ParameterErrors errors, CancellationToken ct)
    {
        if (!Postcode.TryParse(text, out var postcode, out var problem))
        {
            errors.Add(parameter, problem);
            return null;
        }

        var found = await db.Postcodes.AsNoTracking().SingleOrDefaultAsync(p => p.Postcode == postcode, ct);
        if (found is null)
        {
            errors.NotFound(parameter, $"Postcode {postcode} is not in the postcode directory.");
        }

        return found;
    }
}
