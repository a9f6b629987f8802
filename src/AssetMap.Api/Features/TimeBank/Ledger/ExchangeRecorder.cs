using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssetMap.Api.Features.TimeBank.Ledger;

/// <summary>
/// Writes the ledger: exchanges and reversals, each in one transaction with its two entries and its history entry.
/// Concurrency: the transaction first takes row locks on both members (<c>SELECT … FOR UPDATE</c>, in id order so two
/// exchanges between the same pair lock in the same order and cannot deadlock), then reads the receiver's balance and
/// checks the credit limit. Any other exchange touching either member waits for the commit, so two exchanges can never
/// both pass the limit on the same balance. Idempotency: the key is stored with the exchange under a unique index;
/// a retry finds it and returns the first exchange, and a race between two requests with one key is settled by the index.
/// </summary>
internal sealed class ExchangeRecorder(AssetMapDbContext db, TimeProvider clock)
{
    public const string ExchangeEntity = "time-bank-exchange";

    private const string IdempotencyIndex = "ix_time_bank_exchanges_idempotency_key";
    private const string ReversalIndex = "ix_time_bank_exchanges_reverses_id";

    /// <summary>Records an exchange; with a key already used, returns the first result (or a conflict if the body differs).</summary>
    public async Task<LedgerOutcome> RecordAsync(ExchangeRequest request, string? idempotencyKey, EditContext who, CancellationToken ct)
    {
        // A key is always stored: if the connection drops after COMMIT, the retrying strategy's replay finds it.
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? $"server:{Guid.CreateVersion7()}" : idempotencyKey.Trim();
        var fingerprint = Fingerprint(request);
        if (await ReplayAsync(key, fingerprint, ct) is { } earlier)
        {
            return earlier;
        }

        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => RecordOnceAsync(request, key, fingerprint, who, ct), ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e, IdempotencyIndex))
        {
            // Another request with this key committed first.
            db.ChangeTracker.Clear();
            return await ReplayAsync(key, fingerprint, ct) ?? throw new InvalidOperationException("Idempotency key collided but no exchange holds it.", e);
        }
    }

    /// <summary>Reverses an exchange once; a reversal itself cannot be reversed.</summary>
    public async Task<LedgerOutcome> ReverseAsync(Guid exchangeId, string reason, EditContext who, CancellationToken ct)
    {
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => ReverseOnceAsync(exchangeId, reason, who, ct), ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e, ReversalIndex))
        {
            db.ChangeTracker.Clear();
            return AlreadyReversed;
        }
    }

    private static LedgerOutcome AlreadyReversed =>
        LedgerOutcome.Conflict("exchangeId", "This exchange has already been reversed; a reversal happens once.");

    private async Task<LedgerOutcome> RecordOnceAsync(ExchangeRequest request, string key, string fingerprint, EditContext who, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var members = await LockAsync(request.GiverId, request.ReceiverId, ct);
        if (!members.TryGetValue(request.GiverId, out var giver))
        {
            return LedgerOutcome.Invalid("giverId", "No time-bank member has this id.");
        }

        if (!members.TryGetValue(request.ReceiverId, out var receiver))
        {
            return LedgerOutcome.Invalid("receiverId", "No time-bank member has this id.");
        }

        if (giver.Status == MemberStatus.Left)
        {
            return LedgerOutcome.Invalid("giverId", $"{giver.DisplayName} has left the time bank.");
        }

        if (!receiver.CanReceive)
        {
            return LedgerOutcome.Invalid("receiverId", $"{receiver.DisplayName} is {(receiver.Status == MemberStatus.Left ? "no longer a member" : "deactivated")} and cannot receive new exchanges.");
        }

        if (giver.TimeBankId != receiver.TimeBankId)
        {
            return LedgerOutcome.Invalid("receiverId", "Both members must belong to the same time bank.");
        }

        if (request.CategorySlug is { } slug && !await db.Categories.AnyAsync(c => c.Slug == slug, ct))
        {
            return LedgerOutcome.Invalid("category", $"'{slug}' is not a category.");
        }

        TimeBankExchange exchange;
        try
        {
            exchange = TimeBankExchange.Record(request, Now(who), key, fingerprint);
        }
        catch (DomainRuleException rule)
        {
            return LedgerOutcome.Invalid(rule.Field, rule.Message);
        }

        // The receiver's row is locked, so this balance cannot change before we commit.
        var bank = await db.TimeBanks.AsNoTracking().SingleAsync(b => b.Id == receiver.TimeBankId, ct);
        var balance = await LedgerQueries.BalanceAsync(db, receiver.Id, ct);
        if (!bank.Allows(balance, request.Hours))
        {
            return LedgerOutcome.Invalid("hours",
                $"{receiver.DisplayName} has {balance} hours; receiving {request.Hours} more would go past {bank.Name}'s credit limit of {bank.CreditLimit} hours below zero.");
        }

        db.TimeBankExchanges.Add(exchange);
        db.AuditEntries.Add(Audit(exchange, "recorded", who, giver, receiver));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new LedgerOutcome(LedgerOutcome.Kind.Recorded, exchange);
    }

    private async Task<LedgerOutcome> ReverseOnceAsync(Guid exchangeId, string reason, EditContext who, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var original = await db.TimeBankExchanges.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exchangeId, ct);
        if (original is null)
        {
            return LedgerOutcome.NotFound;
        }

        // Same locks as recording, so a reversal and a new exchange on either member are ordered.
        var members = await LockAsync(original.GiverId, original.ReceiverId, ct);
        if (await db.TimeBankExchanges.AnyAsync(e => e.ReversesId == exchangeId, ct))
        {
            return AlreadyReversed;
        }

        TimeBankExchange reversal;
        try
        {
            reversal = original.Reverse(reason, Now(who));
        }
        catch (DomainRuleException rule)
        {
            return rule.Field == "exchangeId" ? LedgerOutcome.Conflict(rule.Field, rule.Message) : LedgerOutcome.Invalid(rule.Field, rule.Message);
        }

        db.TimeBankExchanges.Add(reversal);
        db.AuditEntries.Add(Audit(reversal, "reversed", who, members[reversal.GiverId], members[reversal.ReceiverId]));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new LedgerOutcome(LedgerOutcome.Kind.Recorded, reversal);
    }

    /// <summary>Row locks on both members in id order (deadlock-free), returning them by id.</summary>
    private async Task<Dictionary<Guid, TimeBankMember>> LockAsync(Guid first, Guid second, CancellationToken ct)
    {
        Guid[] ids = [first, second];
        // Lock by id only, then read the members with an ordinary query: materialising entities from FromSql cannot
        // map the xmin version or the complex Source columns. Under READ COMMITTED the read after the lock sees the
        // latest committed row, so nothing read here can change before this transaction ends.
        await db.Database
            .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM time_bank_members WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
            .ToListAsync(ct);
        return await db.TimeBankMembers.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
    }

    private async Task<LedgerOutcome?> ReplayAsync(string key, string fingerprint, CancellationToken ct)
    {
        var earlier = await db.TimeBankExchanges.AsNoTracking().Include(e => e.Entries).SingleOrDefaultAsync(e => e.IdempotencyKey == key, ct);
        return earlier is null ? null
            : earlier.RequestFingerprint == fingerprint ? new LedgerOutcome(LedgerOutcome.Kind.Replayed, earlier)
            : LedgerOutcome.Conflict("Idempotency-Key", "This Idempotency-Key was already used for a different exchange; use a new key for a new exchange.");
    }

    private Recording Now(EditContext who) => new(who.Actor, clock.GetUtcNow(), UkTime.Today(clock));

    // History names members by reference only, so anonymising a member who leaves needs no rewrite of the history.
    private AuditEntry Audit(TimeBankExchange exchange, string action, EditContext who, TimeBankMember giver, TimeBankMember receiver) =>
        AuditEntry.Record(ExchangeEntity, exchange.Id, action, who.Actor, who.Source, who.Detail,
        [
            new("giver", null, giver.MemberRef),
            new("receiver", null, receiver.MemberRef),
            new("hours", null, exchange.Hours.ToString()),
            new("occurredOn", null, exchange.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("category", null, exchange.CategorySlug),
            new("description", null, exchange.Description),
            new("reverses", null, exchange.ReversesId?.ToString()),
        ], clock.GetUtcNow());

    /// <summary>The request's identity for idempotency: the same key must come with the same exchange.</summary>
    private static string Fingerprint(ExchangeRequest r) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        r.GiverId, r.ReceiverId, r.Hours.Quarters, r.OccurredOn.ToString("O", CultureInfo.InvariantCulture), r.CategorySlug?.Trim() ?? "", r.Description?.Trim() ?? ""))));

    private static bool IsUniqueViolation(DbUpdateException e, string index) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == index;
}
