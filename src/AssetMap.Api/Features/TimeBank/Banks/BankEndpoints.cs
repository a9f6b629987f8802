using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Banks;

/// <summary>A time bank: who brokers it and how far a member may go below zero.</summary>
/// <param name="Id">Id.</param>
/// <param name="Slug">URL key, used as timeBank when registering a member.</param>
/// <param name="Name">Name.</param>
/// <param name="BrokerName">Who practitioners and members contact.</param>
/// <param name="BrokerEmail">The broker's email.</param>
/// <param name="BrokerPhone">The broker's phone.</param>
/// <param name="CreditLimit">Hours a member's balance may go below zero; absent when there is no limit.</param>
/// <param name="Members">Members (any status).</param>
public sealed record TimeBankResponse(
    Guid Id, string Slug, string Name, string BrokerName, string? BrokerEmail, string? BrokerPhone, decimal? CreditLimit, int Members);

/// <summary>The time banks, for the broker.</summary>
internal static class BankEndpoints
{
    public static void MapBankEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/banks", async (AssetMapDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var banks = await db.TimeBanks.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
                var counts = await db.TimeBankMembers.AsNoTracking().GroupBy(m => m.TimeBankId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(banks.Select(b => new TimeBankResponse(
                    b.Id, b.Slug, b.Name, b.BrokerName, b.BrokerEmail, b.BrokerPhone, b.CreditLimit?.Value, counts.GetValueOrDefault(b.Id))).ToList());
            })
            .WithName("ListTimeBanks")
            .WithSummary("The time banks: broker contact and credit limit");
}
