using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssetMap.TestSupport;

/// <summary>
/// A throwaway PostGIS database for one test class, cloned from a template that is migrated once per test run
/// (<c>CREATE DATABASE … TEMPLATE</c>): every class starts from the real migrations in a second or less, and classes
/// never see each other's rows, so they can run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>The database name.</summary>
    public string Name { get; }

    /// <summary>Npgsql connection string to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>The maintenance connection given by <c>ASSETMAP_TEST_POSTGRES</c>; missing is a failure, never a skip.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("ASSETMAP_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ASSETMAP_TEST_POSTGRES is not set. Run ./test.sh, or set it to a PostGIS server's maintenance database, "
                + "e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres");

    /// <summary>A new, migrated, empty database.</summary>
    public static async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var template = await EnsureTemplateAsync(cancellationToken);
        var name = $"assetmap_test_{Guid.NewGuid():N}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", cancellationToken);
                return new TestDatabase(name);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                // Another clone of the template is being made this instant: wait and retry.
                await Task.Delay(200 * attempt, cancellationToken);
            }
        }
    }

    /// <summary>Drops the template at the end of the run (called by <see cref="TemplateCleanup"/>).</summary>
    public static async Task DropTemplateAsync()
    {
        if (_template is not null)
        {
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{_template}\" WITH (FORCE)", CancellationToken.None);
            _template = null;
        }
    }

    /// <summary>A DbContext on this database, configured exactly as the app configures it.</summary>
    public AssetMapDbContext CreateContext() => CreateContext(ConnectionString);

    /// <summary>As <see cref="CreateContext()"/>, with extra options (e.g. an interceptor).</summary>
    public AssetMapDbContext CreateContext(Action<DbContextOptionsBuilder> configure)
    {
        var options = new DbContextOptionsBuilder<AssetMapDbContext>();
        PersistenceRegistration.Configure(options, ConnectionString);
        configure(options);
        return new AssetMapDbContext(options.Options);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static AssetMapDbContext CreateContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AssetMapDbContext>();
        PersistenceRegistration.Configure(options, connectionString);
        return new AssetMapDbContext(options.Options);
    }

    private static async Task<string> EnsureTemplateAsync(CancellationToken cancellationToken)
    {
        await TemplateGate.WaitAsync(cancellationToken);
        try
        {
            if (_template is null)
            {
                var name = $"assetmap_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..50];
                await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
                // No pooling: EF's Npgsql data sources keep pools that ClearAllPools cannot reach, and a template
                // cannot be cloned while anyone is connected to it.
                var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
                await using (var db = CreateContext(connectionString))
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }

                _template = name;
            }

            return _template;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Assembly fixture: drops this run's template database when the test assembly finishes.</summary>
public sealed class TemplateCleanup : IAsyncDisposable
{
    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await TestDatabase.DropTemplateAsync();
}
