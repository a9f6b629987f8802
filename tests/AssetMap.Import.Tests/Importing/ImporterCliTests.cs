using System.Text.Json;
using AssetMap.Import.Cli;
using AssetMap.Import.Tests.Fixtures;
using AssetMap.TestSupport;

namespace AssetMap.Import.Tests.Importing;

/// <summary>The CLI as an officer runs it: exit codes and the JSON report.</summary>
// The CLI reads its connection string from the process environment: classes that set it must not run at once.
[Collection("Process environment")]
public sealed class ImporterCliTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("assetmap-cli-").FullName;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await SeedData.CreateSeededDatabaseAsync(TestContext.Current.CancellationToken);
        Environment.SetEnvironmentVariable("ConnectionStrings__AssetMap", _database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Assets_exits_1_when_rows_are_rejected_and_writes_the_json_report()
    {
        var file = Path.Combine(_work, "activities-with-problems.csv");
        File.Copy(Path.Combine(FixtureFiles.Directory, "Importing", "activities-with-problems.csv"), file);
        var reportPath = Path.Combine(_work, "report.json");

        var exit = await ImporterCli.Root().Parse(["assets", file, "--dry-run", "--report", reportPath]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Rejected, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath, TestContext.Current.CancellationToken));
        Assert.False(report.RootElement.GetProperty("applied").GetBoolean());
        Assert.Equal(5, report.RootElement.GetProperty("counts").GetProperty("rejected").GetInt32());
        Assert.Equal(6, report.RootElement.GetProperty("problems")[2].GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task Postcodes_exits_1_when_rows_are_unusable_and_pcn_areas_0_for_the_sample()
    {
        var clean = Path.Combine(_work, "onspd-clean.csv");
        var messy = Path.Combine(_work, "onspd-messy.csv");
        await File.WriteAllTextAsync(clean, "pcds,lat,long\nQA1 1AA,51.48,0.33\nQA1 1AB,99.999999,0\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(messy, "pcds,lat,long\nQA1 1AA,51.48,0.33\nNOT A POSTCODE,51.48,0.33\n", TestContext.Current.CancellationToken);

        var cleanExit = await ImporterCli.Root().Parse(["postcodes", clean]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        var messyExit = await ImporterCli.Root().Parse(["postcodes", messy]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        var boundaries = await ImporterCli.Root().Parse(["pcn-areas", Path.Combine(SeedData.Directory, "pcn-areas.geojson"), "--dry-run"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Done, cleanExit); // a postcode without coordinates is normal in ONSPD
        Assert.Equal(ExitCodes.Rejected, messyExit);
        Assert.Equal(ExitCodes.Done, boundaries);
    }

    [Fact]
    public async Task Assets_exits_0_for_a_clean_file_and_2_for_one_it_cannot_read()
    {
        var clean = await ImporterCli.Root().Parse(["assets", Path.Combine(SeedData.Directory, "hubs.csv"), "--dry-run"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        var missing = await ImporterCli.Root().Parse(["assets", Path.Combine(_work, "nope.xlsx")])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        var badKind = await ImporterCli.Root().Parse(["assets", Path.Combine(SeedData.Directory, "hubs.csv"), "--kind", "shop"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Done, clean);
        Assert.Equal(ExitCodes.Failed, missing);
        Assert.Equal(ExitCodes.Failed, badKind);
    }
}
