using AssetMap.Domain.History;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Tests.Importing;

/// <summary>History written by the importer: one entry per created, updated or archived asset, with file, sheet, row and fields.</summary>
public sealed class ImportHistoryTests : SeededWorkspace
{
    private const string Header = "Type,Ref,Organisation name,Summary,Address,Town,Postcode,Latitude,Longitude,Categories,Services,Status";

    [Fact]
    public async Task Created_updated_and_archived_assets_each_get_an_entry_naming_the_operator_and_row()
    {
        var file = Write("garden-services.csv", ("HT-1", "History Test Gardens", "Garden tidying."), ("HT-2", "History Test Handyman", "Small repairs."));
        await ImportAsync(file, new AssetImportOptions(Actor: "olly"));

        var created = await EntriesAsync("History Test Gardens");
        var entry = Assert.Single(created);
        Assert.Equal(("created", "olly", AuditSource.Import, "garden-services.csv › row 2"), (entry.Action, entry.Actor, entry.Source, entry.SourceDetail));
        Assert.Contains(entry.Changes, c => c is { Field: "summary", Before: null, After: "Garden tidying." });

        // Same file again, one summary changed and one row gone: one update (the changed field only), one archive, nothing for the rest.
        Write("garden-services.csv", ("HT-1", "History Test Gardens", "Garden tidying and hedge cutting."));
        await ImportAsync(file, new AssetImportOptions(ArchiveMissing: true, Actor: "olly"));

        var updated = (await EntriesAsync("History Test Gardens")).Last();
        Assert.Equal(("updated", "garden-services.csv › row 2"), (updated.Action, updated.SourceDetail));
        var summary = Assert.Single(updated.Changes, c => c.Field == "summary");
        Assert.Equal(("Garden tidying.", "Garden tidying and hedge cutting."), (summary.Before, summary.After));
        Assert.DoesNotContain(updated.Changes, c => c.Field == "name");
        var archived = (await EntriesAsync("History Test Handyman")).Last();
        Assert.Equal("archived", archived.Action);
        Assert.Contains(archived.Changes, c => c is { Field: "status", Before: "Published", After: "Archived" });
    }

    [Fact]
    public async Task A_dry_run_writes_no_history_and_the_operator_defaults_to_the_os_user()
    {
        var file = Write("dry.csv", ("HT-3", "History Test Dry", "Checked only."));
        await ImportAsync(file, new AssetImportOptions(DryRun: true));
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.AuditEntries.AnyAsync(e => e.SourceDetail!.StartsWith("dry.csv"), Ct));
        }

        await ImportAsync(file, new AssetImportOptions());
        var entry = Assert.Single(await EntriesAsync("History Test Dry"));
        Assert.Equal(AssetImporter.Actor(null), entry.Actor);
        Assert.False(string.IsNullOrWhiteSpace(entry.Actor));
    }

    private async Task<List<AuditEntry>> EntriesAsync(string name)
    {
        await using var db = Database.CreateContext();
        var id = await db.Assets.Where(a => a.Name == name).Select(a => a.Id).SingleAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    private string Write(string name, params (string Ref, string Name, string Summary)[] rows)
    {
        var path = Path.Combine(Work, name);
        File.WriteAllLines(path, [Header, .. rows.Select(r => $"Micro-enterprise,{r.Ref},{r.Name},{r.Summary},1 Test Street,Grays,RM17 6SL,51.4760,0.3250,Gardening,Tidying,Published")]);
        return path;
    }

    private async Task ImportAsync(string file, AssetImportOptions options)
    {
        await using var db = Database.CreateContext();
        var report = await new AssetImporter(db, TimeProvider.System).ImportAsync(file, options, Ct);
        Assert.Equal(0, report.Counts.Rejected);
    }
}
