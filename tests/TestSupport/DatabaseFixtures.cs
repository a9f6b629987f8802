namespace AssetMap.TestSupport;

/// <summary>An empty, migrated database for one test class.</summary>
public sealed class EmptyDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>A database holding the sample, for a test class that only reads it.</summary>
public sealed class SampleDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await SeedData.CreateSeededDatabaseAsync();

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
