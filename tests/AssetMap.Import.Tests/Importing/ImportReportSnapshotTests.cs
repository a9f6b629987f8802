using AssetMap.Domain.Assets;
using AssetMap.Import.Importing;
using AssetMap.Import.Tests.Fixtures;
using AssetMap.TestSupport;

namespace AssetMap.Import.Tests.Importing;

/// <summary>
/// The exact report for each committed fixture, kept as committed JSON beside it (UPDATE_CONTRACTS=1 rewrites them):
/// a change in what the importer says to a data officer shows up in review.
/// </summary>
public sealed class ImportReportSnapshotTests(SampleDatabaseFixture fixture) : IClassFixture<SampleDatabaseFixture>
{
    public static TheoryData<string, string?, AssetKind?> Fixtures() => new()
    {
        { FixtureFiles.Workbook, null, null },
        { FixtureFiles.Windows1252Csv, null, AssetKind.Activity },
        { FixtureFiles.Utf8BomCsv, null, AssetKind.MicroEnterprise },
        { Path.Combine("Importing", "activities-with-problems.csv"), null, null },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Each_fixture_gets_exactly_its_committed_report(string fixtureFile, string? sheet, AssetKind? kind)
    {
        var work = Directory.CreateTempSubdirectory("assetmap-report-").FullName;
        try
        {
            var file = Path.Combine(work, Path.GetFileName(fixtureFile));
            File.Copy(Path.Combine(FixtureFiles.Directory, fixtureFile), file);
            await using var db = fixture.Database.CreateContext();

            // Dry run: the shared database stays as the sample, so each report is the same whatever ran before.
            var report = await new AssetImporter(db, TimeProvider.System).ImportAsync(file, new AssetImportOptions(sheet, kind, DryRun: true), TestContext.Current.CancellationToken);

            var expectedPath = Path.Combine(FixtureFiles.Directory, "Importing", "reports", Path.GetFileName(fixtureFile) + ".report.json");
            var actual = report.ToJson().ReplaceLineEndings("\n") + "\n";
            if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
                await File.WriteAllTextAsync(expectedPath, actual, TestContext.Current.CancellationToken);
            }

            Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing: UPDATE_CONTRACTS=1 ./test.sh --filter ImportReportSnapshotTests");
            Assert.Equal(await File.ReadAllTextAsync(expectedPath, TestContext.Current.CancellationToken), actual);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
