using AssetMap.Api.Features.History;
using AssetMap.Api.Features.TimeBank.Ledger;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>A member's history: changes to the member and every exchange or reversal they took part in, newest first.</summary>
internal static class MemberHistory
{
    public const int Limit = 1000;

    public static Task<List<HistoryEntryResponse>> ForMemberAsync(AssetMapDbContext db, Guid memberId, CancellationToken ct)
    {
        var exchanges = db.TimeBankExchanges.Where(e => e.GiverId == memberId || e.ReceiverId == memberId).Select(e => e.Id);
        return db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == MemberEditor.MemberEntity && e.EntityId == memberId)
                || (e.EntityType == ExchangeRecorder.ExchangeEntity && exchanges.Contains(e.EntityId)))
            .OrderByDescending(e => e.Id).Take(Limit)
            .Select(e => new HistoryEntryResponse(e.Id, e.EntityType, e.EntityId, e.OccurredAt, e.Action, e.Actor, e.Source, e.SourceDetail, e.Changes))
            .ToListAsync(ct);
    }
}
