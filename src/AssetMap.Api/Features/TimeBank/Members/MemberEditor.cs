using System.Globalization;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain;
using AssetMap.Domain.Assets;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using AssetMap.Domain.Places;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AssetMap.Api.Features.TimeBank.Members;

/// <summary>
/// Adds and changes members for REST and the broker's pages alike: validation (skills from the taxonomy, a postcode the
/// directory knows), coarsening, the lifecycle (deactivate, reactivate, leave), optimistic concurrency and history.
/// History records personal fields as "changed" without their values, so anonymising a member leaves nothing behind.
/// </summary>
internal sealed class MemberEditor(AssetMapDbContext db, TimeProvider clock)
{
    public const string MemberEntity = "time-bank-member";

    /// <summary>Registers a member.</summary>
    public async Task<MemberResult> CreateAsync(TimeBankMemberRequest input, EditContext who, CancellationToken ct)
    {
        var errors = new EditErrors();
        var profile = await ProfileAsync(input, errors, ct);
        var (postcode, home) = await LocateAsync(input.Postcode, required: true, errors, ct);
        var bank = await BankAsync(input.TimeBank, errors, ct);
        var memberRef = string.IsNullOrWhiteSpace(input.MemberRef) ? await NextRefAsync(ct) : input.MemberRef.Trim();
        if (memberRef.Length > 50 || memberRef.Any(char.IsControl))
        {
            errors.Add("memberRef", "A reference is at most 50 characters, e.g. TB-051.");
        }
        else if (await db.TimeBankMembers.AnyAsync(m => m.MemberRef == memberRef, ct))
        {
            errors.Add("memberRef", $"Another member already has the reference {memberRef}.");
        }

        if (errors.Any || profile is null || postcode is null || home is null || bank is null)
        {
            return MemberResult.Invalid(errors);
        }

        var member = Try(errors, () => TimeBankMember.Register(
            bank.Id, memberRef, profile, postcode, home, input.JoinedOn ?? UkTime.Today(clock), MemberStatus.Active, AssetSource.Manual));
        if (member is null)
        {
            return MemberResult.Invalid(errors);
        }

        db.TimeBankMembers.Add(member);
        db.AuditEntries.Add(Audit(member, "created", who, Snapshot.Changes(Snapshot.Empty, Snapshot.Of(member))));
        await db.SaveChangesAsync(ct);
        return new MemberResult(MemberResult.Outcome.Created, member, null);
    }

    /// <summary>Replaces the editable fields; a blank postcode keeps the member's area. <paramref name="expectedVersion"/> guards lost updates.</summary>
    public Task<MemberResult> UpdateAsync(Guid id, TimeBankMemberRequest input, uint? expectedVersion, EditContext who, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, "updated", who, async (member, errors) =>
        {
            var profile = await ProfileAsync(input, errors, ct);
            var (postcode, home) = await LocateAsync(input.Postcode, required: false, errors, ct);
            if (errors.Any || profile is null)
            {
                return;
            }

            Try(errors, () =>
            {
                member.Update(profile);
                if (postcode is not null && home is not null)
                {
                    member.MoveTo(postcode, home);
                }

                return true;
            });
        }, ct);

    /// <summary>Pauses a member (no new exchanges as receiver).</summary>
    public Task<MemberResult> DeactivateAsync(Guid id, uint? expectedVersion, EditContext who, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, "deactivated", who, (member, errors) => Task.FromResult(Try(errors, () => { member.Deactivate(); return true; })), ct);

    /// <summary>Brings a deactivated member back.</summary>
    public Task<MemberResult> ReactivateAsync(Guid id, uint? expectedVersion, EditContext who, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, "reactivated", who, (member, errors) => Task.FromResult(Try(errors, () => { member.Reactivate(); return true; })), ct);

    /// <summary>The member leaves: personal fields anonymised for good, ledger kept.</summary>
    public Task<MemberResult> LeaveAsync(Guid id, uint? expectedVersion, EditContext who, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, "left", who, (member, errors) =>
        {
            if (member.Status == MemberStatus.Left)
            {
                errors.Add("status", $"{member.MemberRef} has already left.");
            }
            else
            {
                member.Leave(UkTime.Today(clock));
            }

            return Task.CompletedTask;
        }, ct);

    private async Task<MemberResult> ChangeAsync(
        Guid id, uint? expectedVersion, string action, EditContext who, Func<TimeBankMember, EditErrors, Task> change, CancellationToken ct)
    {
        var member = await db.TimeBankMembers.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (member is null)
        {
            return MemberResult.NotFound;
        }

        if (expectedVersion is { } version && version != member.Version)
        {
            return new MemberResult(MemberResult.Outcome.Conflict, member, null);
        }

        var before = Snapshot.Of(member);
        var errors = new EditErrors();
        await change(member, errors);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return MemberResult.Invalid(errors);
        }

        var changes = Snapshot.Changes(before, Snapshot.Of(member));
        if (changes.Count > 0)
        {
            db.AuditEntries.Add(Audit(member, action, who, changes));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new MemberResult(MemberResult.Outcome.Conflict, await db.TimeBankMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct), null);
            }
        }

        return new MemberResult(MemberResult.Outcome.Saved, member, null);
    }

    private async Task<MemberProfile?> ProfileAsync(TimeBankMemberRequest input, EditErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.FirstName))
        {
            errors.Add("firstName", "Enter the member's first name.");
        }

        var preference = ContactPreference.Phone;
        // Names only: Enum.TryParse also takes "7" or "1,2", which would store a value no one can read back.
        if (!string.IsNullOrWhiteSpace(input.ContactPreference)
            && (!Enum.TryParse(input.ContactPreference.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out preference)
                || !Enum.IsDefined(preference) || !char.IsLetter(input.ContactPreference.Trim()[0]) || input.ContactPreference.Contains(',', StringComparison.Ordinal)))
        {
            errors.Add("contactPreference", $"Choose one of: {string.Join(", ", Enum.GetNames<ContactPreference>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName))}.");
        }

        var offered = await SkillsAsync(input.SkillsOffered, "skillsOffered", errors, ct);
        var wanted = await SkillsAsync(input.SkillsWanted, "skillsWanted", errors, ct);
        var profile = new MemberProfile(input.FirstName ?? "", input.LastInitial ?? "", offered, wanted, input.OfferDetails,
            input.Availability, preference, input.ContactDetails);
        return errors.Any ? null : profile;
    }

    // Skills are category slugs (or names): a practitioner's need is a category, so the two must match.
    private async Task<string[]> SkillsAsync(IReadOnlyList<string>? values, string field, EditErrors errors, CancellationToken ct)
    {
        var wanted = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        // The taxonomy is a few dozen rows: match slugs and names in memory, case-insensitively.
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Slug, c.Name }).ToListAsync(ct);
        var slugs = new List<string>();
        foreach (var value in wanted)
        {
            var match = categories.FirstOrDefault(c => string.Equals(c.Slug, value, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, value, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                errors.Add(field, $"'{value}' is not a category; skills come from the category list (GET /api/v1/categories).");
            }
            else if (!slugs.Contains(match.Slug))
            {
                slugs.Add(match.Slug);
            }
        }

        return [.. slugs];
    }

    private async Task<(Postcode?, Point?)> LocateAsync(string? text, bool required, EditErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add("postcode", "Enter the member's postcode; only its area is kept.");
            }

            return (null, null);
        }

        if (!Postcode.TryParse(text, out var postcode, out var problem))
        {
            errors.Add("postcode", problem);
            return (null, null);
        }

        var point = await db.Postcodes.AsNoTracking().Where(p => p.Postcode == postcode).Select(p => p.Location).FirstOrDefaultAsync(ct);
        if (point is null)
        {
            errors.Add("postcode", $"Postcode {postcode} is not in the postcode directory.");
        }

        return (postcode, point);
    }

    private async Task<LocalTimeBank?> BankAsync(string? slug, EditErrors errors, CancellationToken ct)
    {
        var banks = await db.TimeBanks.AsNoTracking().ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(slug))
        {
            if (banks.Count == 1)
            {
                return banks[0];
            }

            errors.Add("timeBank", banks.Count == 0 ? "No time bank is set up yet." : "Choose which time bank the member joins.");
            return null;
        }

        var bank = banks.FirstOrDefault(b => string.Equals(b.Slug, slug.Trim(), StringComparison.OrdinalIgnoreCase));
        if (bank is null)
        {
            errors.Add("timeBank", $"'{slug}' is not a time bank.");
        }

        return bank;
    }

    // References are TB-001, TB-002…: the next number after the highest in use.
    private async Task<string> NextRefAsync(CancellationToken ct)
    {
        var refs = await db.TimeBankMembers.AsNoTracking().Where(m => m.MemberRef.StartsWith("TB-")).Select(m => m.MemberRef).ToListAsync(ct);
        var highest = refs.Select(r => int.TryParse(r.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"TB-{highest + 1:000}";
    }

    private AuditEntry Audit(TimeBankMember member, string action, EditContext who, IReadOnlyList<FieldChange> changes) =>
        AuditEntry.Record(MemberEntity, member.Id, action, who.Actor, who.Source, who.Detail, changes, clock.GetUtcNow());

    // A broken domain rule is reported against the field the domain names.
    private static T? Try<T>(EditErrors errors, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (DomainRuleException e)
        {
            errors.Add(e.Field, e.Message);
            return default;
        }
    }
}
