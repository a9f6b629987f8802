using AssetMap.Import.Seeding;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssetMap.Import.Tests.Seeding;

public sealed class SampleDataErrorTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly string _copy = Directory.CreateTempSubdirectory("assetmap-seed-").FullName;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        foreach (var file in Directory.GetFiles(SeedData.Directory))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_copy, recursive: true);
    }

    [Fact]
    public async Task A_bad_value_names_file_row_and_column_and_nothing_is_written()
    {
        // Break the postcode of the third data row of activities.csv (loaded after hubs and micro-enterprises).
        var path = Path.Combine(_copy, "activities.csv");
        var lines = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken)).ToList();
        var postcode = lines[3].Split(',').Single(v => System.Text.RegularExpressions.Regex.IsMatch(v, "^[A-Z]{2}[0-9]{2} [0-9][A-Z]{2}$"));
        lines[3] = lines[3].Replace(postcode, "RM17", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);
        await using var db = _database.CreateContext();

        var error = await Assert.ThrowsAsync<SampleDataException>(() =>
            new SampleDataLoader(db, NullLogger<SampleDataLoader>.Instance).LoadIfEmptyAsync(_copy, TestContext.Current.CancellationToken));

        Assert.Equal(("activities.csv", 4, "Postcode"), (error.File, error.Row, error.Column));
        Assert.Contains("'RM17' is not a UK postcode", error.Message, StringComparison.Ordinal);
        await using var fresh = _database.CreateContext();
        Assert.Equal(0, await fresh.Assets.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await fresh.PcnAreas.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_category_is_reported_not_dropped()
    {
        var path = Path.Combine(_copy, "hubs.csv");
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, text.Replace("Community hubs;", "Community hubz;", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await using var db = _database.CreateContext();

        var error = await Assert.ThrowsAsync<SampleDataException>(() =>
            new SampleDataLoader(db, NullLogger<SampleDataLoader>.Instance).LoadIfEmptyAsync(_copy, TestContext.Current.CancellationToken));

        Assert.Equal(("hubs.csv", 2, "Categories"), (error.File, error.Row, error.Column));
        Assert.Contains("'Community hubz' is not a category", error.Message, StringComparison.Ordinal);
    }
}
