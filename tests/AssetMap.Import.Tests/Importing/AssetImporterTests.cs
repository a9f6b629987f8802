using AssetMap.Domain.Assets;
using AssetMap.Import.Importing;
using AssetMap.Import.Tests.Fixtures;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Tests.Importing;

/// <summary>The asset importer against real PostGIS holding the sample (categories, postcodes, hubs).</summary>
public sealed class AssetImporterTests : SeededWorkspace
{

    [Fact]
    public async Task A_file_with_problems_imports_its_good_rows_and_reports_each_bad_one_exactly()
    {
        var file = Copy("activities-with-problems.csv");

        var report = await ImportAsync(file, new AssetImportOptions());

        Assert.True(report.Applied);
        Assert.Equal(new ImportCounts(Created: 2, Updated: 0, Unchanged: 0, Archived: 0, Rejected: 5, Warnings: 0), report.Counts);
        Assert.Equal(
            [
                (4, "Ref", "ACT-301", "Duplicate of row 2"),
                (5, "Categories", "Pottery", "'Pottery' is not a category"),
                (6, "Post Code", "RM17", "'RM17' is not a UK postcode"),
                (7, "Email", "not-an-email", "'not-an-email' is not an email address"),
                (8, "When", "By appointment", "is not a regular time"),
            ],
            report.Problems.Select(p => (p.Row, p.Column!, p.Value!, Reason: Shorten(p.Reason, p))).ToList());
        Assert.All(report.Problems, p => Assert.Equal(ProblemSeverity.Error, p.Severity));

        await using var db = Database.CreateContext();
        var walk = await db.Activities.AsNoTracking().SingleAsync(a => a.Source.ExternalRef == "ACT-301", Ct);
        var craft = await db.Activities.AsNoTracking().SingleAsync(a => a.Source.ExternalRef == "ACT-302", Ct);
        Assert.Equal(("FREQ=WEEKLY;BYDAY=TU", TimeSpan.FromHours(2)), (walk.Schedule.Rule, walk.Schedule.Duration));
        Assert.Equal("FREQ=MONTHLY;BYDAY=2WE", craft.Schedule.Rule);
        Assert.Equal(250, craft.Cost!.Value.Pence);
        Assert.Equal(("activities-with-problems.csv", 2), (walk.Source.File, walk.Source.Row));
        Assert.Equal("U81042", walk.PcnAreaCode);
        Assert.False(await db.Activities.AnyAsync(a => a.Source.ExternalRef == "ACT-303", Ct));
    }

    [Fact]
    public async Task Rejected_rows_go_to_a_rejects_file_that_can_be_fixed_and_imported()
    {
        var file = Copy("activities-with-problems.csv");

        await ImportAsync(file, new AssetImportOptions());
        var rejects = AssetImporter.RejectsPathFor(file);
        var lines = await File.ReadAllLinesAsync(rejects, Ct);

        Assert.Equal(6, lines.Length);
        Assert.StartsWith("Ref,Activity name,Summary,Run by,Address,Town,Post Code,Categories,When,Cost,Referral,Email", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ACT-304,", StringComparison.Ordinal) && l.Contains("not a UK postcode", StringComparison.Ordinal));

        // The officer fixes the postcode in the rejects file and imports it: that row is now created.
        await File.WriteAllTextAsync(rejects, (await File.ReadAllTextAsync(rejects, Ct)).Replace(",RM17,", ",RM16 2JT,", StringComparison.Ordinal), Ct);
        var second = await ImportAsync(rejects, new AssetImportOptions(Kind: AssetKind.Activity));
        // Created: the fixed row. Updated: the duplicate, alone in this file, is now read as a new version of ACT-301.
        // Still rejected: the unknown category, the bad email and the schedule that is not a regular time.
        Assert.Equal((1, 1, 3), (second.Counts.Created, second.Counts.Updated, second.Counts.Rejected));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_a_changed_row_updates()
    {
        var file = Copy("activities-with-problems.csv");
        await ImportAsync(file, new AssetImportOptions());

        var again = await ImportAsync(file, new AssetImportOptions());
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct)).Replace("with a cuppa after.", "with tea after.", StringComparison.Ordinal), Ct);
        var changed = await ImportAsync(file, new AssetImportOptions());

        Assert.Equal((0, 0, 2), (again.Counts.Created, again.Counts.Updated, again.Counts.Unchanged));
        Assert.Equal((0, 1, 1), (changed.Counts.Created, changed.Counts.Updated, changed.Counts.Unchanged));
        await using var db = Database.CreateContext();
        var walk = await db.Activities.AsNoTracking().SingleAsync(a => a.Source.ExternalRef == "ACT-301", Ct);
        Assert.Equal("A gentle hour's walk by the river with tea after.", walk.Summary);
        Assert.True(walk.LastVerifiedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Strict_rolls_back_everything_and_dry_run_writes_nothing()
    {
        var file = Copy("activities-with-problems.csv");

        var strict = await ImportAsync(file, new AssetImportOptions(Strict: true));
        var dryRun = await ImportAsync(file, new AssetImportOptions(DryRun: true));

        Assert.False(strict.Applied);
        Assert.False(dryRun.Applied);
        Assert.Equal(2, dryRun.Counts.Created); // what it would do
        await using var db = Database.CreateContext();
        Assert.False(await db.Activities.AnyAsync(a => a.Source.File == "activities-with-problems.csv", Ct));
    }

    [Fact]
    public async Task Records_missing_from_a_new_version_of_the_file_are_listed_or_archived_never_deleted()
    {
        var file = Copy("activities-with-problems.csv");
        await ImportAsync(file, new AssetImportOptions());
        var lines = await File.ReadAllLinesAsync(file, Ct);
        await File.WriteAllLinesAsync(file, lines.Where(l => !l.StartsWith("ACT-302", StringComparison.Ordinal)), Ct);

        var listed = await ImportAsync(file, new AssetImportOptions());
        var archived = await ImportAsync(file, new AssetImportOptions(ArchiveMissing: true));

        Assert.Equal(["ACT-302"], listed.MissingFromFile);
        Assert.Equal(0, listed.Counts.Archived);
        Assert.Equal(1, archived.Counts.Archived);
        await using var db = Database.CreateContext();
        Assert.Equal(AssetStatus.Archived, (await db.Activities.SingleAsync(a => a.Source.ExternalRef == "ACT-302", Ct)).Status);
    }

    [Theory]
    [InlineData("hubs.csv", 11)]
    [InlineData("micro-enterprises.csv", 48)]
    [InlineData("activities.csv", 37)]
    public async Task The_sample_files_import_cleanly_through_the_importer(string sample, int rows)
    {
        var report = await ImportAsync(Path.Combine(SeedData.Directory, sample), new AssetImportOptions(DryRun: true));

        // The database already holds the sample (loaded by the seeder): the importer reads every row the same way.
        Assert.Equal(new ImportCounts(0, 0, rows, 0, 0, 0), report.Counts);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task A_workbook_with_title_rows_british_national_grid_a_formula_and_dates_imports()
    {
        var file = Path.Combine(Work, "cvs-assets.xlsx");
        XlsxWriter.Write(file,
        [
            new SheetSpec("Micro-enterprises", new Dictionary<int, object?[]>
            {
                [1] = ["Thurrock CVS – micro-enterprises"],
                [3] = ["Ref", "Organisation name", "Summary", "Town", "Post Code", "Easting", "Northing", "Price", "Price unit", "Insurance expiry", "Categories"],
                [4] = ["ME-901", "Grays Garden Helpers", "Gardening help for older people.", "Grays", "RM16 2JT", 561500, 178200,
                    new Formula("5+2.5", 7.5), "per hour", new Styled(new DateTime(2027, 3, 31).ToOADate(), XlsxWriter.UkDateStyle), "Gardening"],
            }, ["A1:D1"]),
        ]);

        var report = await ImportAsync(file, new AssetImportOptions());

        Assert.Equal(1, report.Counts.Created);
        await using var db = Database.CreateContext();
        var helpers = await db.MicroEnterprises.AsNoTracking().SingleAsync(m => m.Source.ExternalRef == "ME-901", Ct);
        Assert.Equal(750, helpers.Price!.Value.Pence);
        Assert.Equal(new DateOnly(2027, 3, 31), helpers.InsuranceExpiresOn);
        Assert.Equal(("Micro-enterprises", 4), (helpers.Source.Sheet, helpers.Source.Row));
        Assert.Equal("U81042", helpers.PcnAreaCode); // E 561500 N 178200 lies in Grays
        Assert.InRange(helpers.Location.Y, 51.47, 51.49);
        Assert.InRange(helpers.Location.X, 0.31, 0.34);
    }

    [Fact]
    public async Task A_workbook_gets_a_workbook_of_rejects_with_its_sheet_names_that_imports_once_fixed()
    {
        var file = Path.Combine(Work, "directory.xlsx");
        XlsxWriter.Write(file,
        [
            new SheetSpec("Hubs", new Dictionary<int, object?[]>
            {
                [1] = ["Ref", "Name", "Summary", "Town", "Post Code", "Categories"],
                [2] = ["HUB-901", "Grays Good Hub", "A hub that is fine.", "Grays", "RM16 2JT", "Community hubs"],
                [3] = ["HUB-902", "Grays Broken Hub", "A hub with a bad postcode.", "Grays", "RM16", "Community hubs"],
            }, []),
        ]);

        var report = await ImportAsync(file, new AssetImportOptions());
        var rejects = AssetImporter.RejectsPathFor(file);
        var tables = AssetMap.Import.Readers.SpreadsheetReader.Read(rejects, null, null);

        Assert.Equal((1, 1), (report.Counts.Created, report.Counts.Rejected));
        Assert.EndsWith(".rejects.xlsx", rejects, StringComparison.Ordinal);
        var table = Assert.Single(tables);
        Assert.Equal("Hubs", table.Sheet);
        var row = Assert.Single(table.Rows);
        Assert.Equal("RM16", row.Values["postcode"]);

        // Fix the postcode, write the rejects back as a workbook, import it: the hub is created, nothing rejected.
        XlsxWriter.Write(rejects,
        [
            new SheetSpec("Hubs", new Dictionary<int, object?[]>
            {
                [1] = ["Ref", "Name", "Summary", "Town", "Post Code", "Categories"],
                [2] = ["HUB-902", "Grays Broken Hub", "A hub with a bad postcode.", "Grays", "RM16 2JT", "Community hubs"],
            }, []),
        ]);
        var second = await ImportAsync(rejects, new AssetImportOptions());
        Assert.Equal((1, 0), (second.Counts.Created, second.Counts.Rejected));
    }

    private async Task<ImportReport> ImportAsync(string file, AssetImportOptions options)
    {
        await using var db = Database.CreateContext();
        return await new AssetImporter(db, TimeProvider.System).ImportAsync(file, options, Ct);
    }

    private string Copy(string fixture)
    {
        var target = Path.Combine(Work, fixture);
        File.Copy(Path.Combine(FixtureFiles.Directory, "Importing", fixture), target, overwrite: true);
        return target;
    }

    // Each expected reason is a fragment of the real one: keep the fragment when present, so a mismatch shows both.
    private static string Shorten(string reason, ImportProblem problem) => problem.Row switch
    {
        4 when reason.Contains("Duplicate of row 2", StringComparison.Ordinal) => "Duplicate of row 2",
        5 when reason.Contains("'Pottery' is not a category", StringComparison.Ordinal) => "'Pottery' is not a category",
        6 when reason.Contains("'RM17' is not a UK postcode", StringComparison.Ordinal) => "'RM17' is not a UK postcode",
        7 when reason.Contains("'not-an-email' is not an email address", StringComparison.Ordinal) => "'not-an-email' is not an email address",
        8 when reason.Contains("is not a regular time", StringComparison.Ordinal) => "is not a regular time",
        _ => reason,
    };
}
