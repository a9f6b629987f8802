using AssetMap.TestSupport;

namespace AssetMap.Api.Tests.Persistence;

/// <summary>An empty, migrated database for one test class.</summary>
public sealed class EmptyDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>A database holding the sample, for tests that only read it.</summary>
public sealed class SampleDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await SeedData.CreateSeededDatabaseAsync();

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
