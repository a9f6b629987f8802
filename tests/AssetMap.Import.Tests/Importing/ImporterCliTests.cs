using System.Text.Json;
using AssetMap.Import.Cli;
using AssetMap.Import.Tests.Fixtures;
using AssetMap.TestSupport;

namespace AssetMap.Import.Tests.Importing;

/// <summary>The CLI as an officer runs it: exit codes and the JSON report.</summary>
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
