using AssetMap.TestSupport;

namespace AssetMap.Import.Tests.Importing;

/// <summary>A database holding the sample and a scratch folder for the files a test writes, both gone afterwards.</summary>
public abstract class SeededWorkspace : IAsyncLifetime
{
    protected string Work { get; } = Directory.CreateTempSubdirectory("assetmap-import-").FullName;

    protected TestDatabase Database { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => Database = await SeedData.CreateSeededDatabaseAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Work, recursive: true);
        GC.SuppressFinalize(this);
    }
}
