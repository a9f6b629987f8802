using AssetMap.TestSupport;

namespace AssetMap.Import.Tests.Seeding;

/// <summary>One database holding the sample, shared by a test class that only reads it.</summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await SeedData.CreateSeededDatabaseAsync();

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
