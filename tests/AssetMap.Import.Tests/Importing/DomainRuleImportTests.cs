using System.Text.Json;
using AssetMap.Import.Cli;
using AssetMap.Import.Importing;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Tests.Importing;

/// <summary>The domain's rules, broken in a spreadsheet, come back as row problems: never an exception, never a lost file.</summary>
// The CLI reads its connection string from the process environment: classes that set it must not run at once.
[Collection("Process environment")]
public sealed class DomainRuleImportTests : SeededWorkspace
{
    private const string Header = "Ref,Type,Name,Summary,Town,Post Code,Categories,When,Cost,Run by,Places,Price,Service radius (km)";
    private static readonly string LongName = new('N', 201);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Environment.SetEnvironmentVariable("ConnectionStrings__AssetMap", Database.ConnectionString);
    }

    [Fact]
    public async Task Each_broken_domain_rule_is_a_precise_row_problem_the_good_rows_import_and_the_cli_exits_1()
    {
        var file = Write("mixed.csv",
            "ACT-801,Activity,Riverside Walk,A gentle walk.,Grays,RM16 2JT,Walking groups,Tuesdays 10:00-12:00,Free,Thurrock Walkers,12,,",
            "ACT-802,Activity,Empty Room Club,Nobody can come.,Grays,RM16 2JT,Social groups,Wednesdays 10:00-12:00,Free,Grays Club,0,,",
            $"ACT-803,Activity,{LongName},Too long a name.,Grays,RM16 2JT,Social groups,Thursdays 10:00-12:00,Free,Grays Club,,,",
            "ME-804,Micro-enterprise,Far Away Gardens,Gardening everywhere.,Grays,RM16 2JT,Gardening,,,,,£10,500",
            "ME-805,Micro-enterprise,Paid To Garden,They pay you.,Grays,RM16 2JT,Gardening,,,,,-5,",
            "ACT-806,Activity,Backwards Bingo,Ends before it starts.,Grays,RM16 2JT,Social groups,Fridays 14:00-13:00,Free,Grays Club,,,",
            "HUB-807,Hub,Riverside Hub,A hub by the river.,Grays,RM16 2JT,Community hubs,,,,,,",
            "ME-808,Micro-enterprise,Grays Garden Friends,Gardening help.,Grays,RM16 2JT,Gardening,,,,,£12 per hour,5");
        var reportPath = Path.Combine(Work, "report.json");
        const string Backwards = "'Fridays 14:00-13:00' ends (13:00) before it starts (14:00)"; // then the examples

        var exit = await ImporterCli.Root().Parse(["assets", file, "--report", reportPath]).InvokeAsync(cancellationToken: Ct);

        Assert.Equal(ExitCodes.Rejected, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath, Ct));
        Assert.True(report.RootElement.GetProperty("applied").GetBoolean());
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (Severity: p.GetProperty("severity").GetString(), Sheet: p.GetProperty("sheet").GetString(), Row: p.GetProperty("row").GetInt32(),
                Column: p.GetProperty("column").GetString(), Value: p.GetProperty("value").GetString(), Reason: p.GetProperty("reason").GetString()!))
            .ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(("error", (string?)null), (p.Severity, p.Sheet)));
        Assert.Equal(
            [
                (3, "Places", "0", "Capacity must be at least one place."),
                (4, "Name", LongName, "A name is at most 200 characters."),
                (5, "Service radius (km)", "500", "A service radius must be between 1 m and 100 km."),
                (6, "Price", "-5", "A price cannot be negative."),
                (7, "When", "Fridays 14:00-13:00", Backwards),
            ],
            problems.Select(p => (p.Row, p.Column!, p.Value!, Reason: p.Reason.StartsWith(Backwards, StringComparison.Ordinal) ? Backwards : p.Reason)).ToList());
        var counts = report.RootElement.GetProperty("counts");
        Assert.Equal((3, 5, 0), (counts.GetProperty("created").GetInt32(), counts.GetProperty("rejected").GetInt32(), counts.GetProperty("warnings").GetInt32()));

        var rejects = await File.ReadAllLinesAsync(AssetImporter.RejectsPathFor(file), Ct);
        Assert.Equal(["ACT-802", "ACT-803", "ME-804", "ME-805", "ACT-806"], rejects.Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]));
        await using var db = Database.CreateContext();
        var imported = await db.Assets.AsNoTracking().Where(a => a.Source.File == "mixed.csv").Select(a => a.Source.ExternalRef).OrderBy(r => r).ToListAsync(Ct);
        Assert.Equal(["ACT-801", "HUB-807", "ME-808"], imported);
    }

    [Fact]
    public async Task A_row_that_would_break_a_rule_of_an_existing_asset_is_reported_and_leaves_it_unchanged()
    {
        var file = Write("walks.csv",
            "ACT-821,Activity,Riverside Walk,A gentle walk.,Grays,RM16 2JT,Walking groups,Tuesdays 10:00-12:00,Free,Thurrock Walkers,12,,");
        Assert.Equal(1, (await ImportAsync(file)).Counts.Created);
        var before = await SnapshotAsync("ACT-821");

        Write("walks.csv",
            "ACT-821,Activity,Riverside Walk,A longer walk now.,Grays,RM16 2JT,Walking groups,Tuesdays 10:00-12:00,Free,Thurrock Walkers,0,,");
        var report = await ImportAsync(file);

        Assert.Equal((0, 0, 1), (report.Counts.Created, report.Counts.Updated, report.Counts.Rejected));
        var problem = Assert.Single(report.Problems);
        Assert.Equal((2, "Places", "0", "Capacity must be at least one place."), (problem.Row, problem.Column, problem.Value, problem.Reason));
        Assert.Equal(before, await SnapshotAsync("ACT-821"));
    }

    [Fact]
    public async Task An_activity_without_a_provider_is_run_by_the_organisation_on_its_row_with_a_warning()
    {
        var file = Path.Combine(Work, "cvs-activities.csv");
        await File.WriteAllLinesAsync(file,
        [
            "Ref,Activity name,Organisation,Summary,Town,Post Code,Categories,When",
            "ACT-831,Chair Yoga,Grays Movers,Gentle yoga on chairs.,Grays,RM16 2JT,Exercise and movement,Mondays 10:00-11:00",
            "ACT-832,Chair Yoga Two,,Gentle yoga again.,Grays,RM16 2JT,Exercise and movement,Mondays 11:00-12:00",
        ], Ct);

        var report = await ImportAsync(file);

        Assert.Equal((1, 1, 1), (report.Counts.Created, report.Counts.Rejected, report.Counts.Warnings));
        Assert.Equal(
            [
                (ProblemSeverity.Warning, 2, "Provider", (string?)null, "No provider given: 'Grays Movers', the organisation on this row, is taken to run it."),
                (ProblemSeverity.Error, 3, "Provider", null, "Activity 'Chair Yoga Two' needs a provider."),
            ],
            report.Problems.Select(p => (p.Severity, p.Row, p.Column, p.Value, p.Reason)).ToList());
        await using var db = Database.CreateContext();
        var yoga = await db.Activities.AsNoTracking().SingleAsync(a => a.Source.ExternalRef == "ACT-831", Ct);
        Assert.Equal(("Chair Yoga", "Grays Movers"), (yoga.Name, yoga.Provider));
    }

    [Fact]
    public async Task A_value_longer_than_its_column_is_a_row_problem_not_a_database_error()
    {
        var summary = new string('s', 501);
        var file = Write("long.csv",
            $"HUB-841,Hub,Long Summary Hub,{summary},Grays,RM16 2JT,Community hubs,,,,,,",
            "HUB-842,Hub,Short Summary Hub,A hub.,Grays,RM16 2JT,Community hubs,,,,,,");

        var report = await ImportAsync(file);

        Assert.Equal((1, 1), (report.Counts.Created, report.Counts.Rejected));
        var problem = Assert.Single(report.Problems);
        Assert.Equal((2, "Summary", summary, "A summary is at most 500 characters: put the rest in the description."),
            (problem.Row, problem.Column, problem.Value, problem.Reason));
    }

    private async Task<ImportReport> ImportAsync(string file)
    {
        await using var db = Database.CreateContext();
        return await new AssetImporter(db, TimeProvider.System).ImportAsync(file, new AssetImportOptions(), Ct);
    }

    private async Task<(string Summary, int? Capacity, string Version)> SnapshotAsync(string reference)
    {
        await using var db = Database.CreateContext();
        var asset = await db.Activities.AsNoTracking().SingleAsync(a => a.Source.ExternalRef == reference, Ct);
        var version = await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM assets WHERE id = {asset.Id}").SingleAsync(Ct);
        return (asset.Summary, asset.Capacity, version);
    }

    private string Write(string name, params string[] rows)
    {
        var path = Path.Combine(Work, name);
        File.WriteAllLines(path, [Header, .. rows]);
        return path;
    }
}
