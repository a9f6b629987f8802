using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace AssetMap.Api.Infrastructure;

/// <summary>
/// The API's provider options: every SQL statement has <see cref="CommandTimeoutSeconds"/>, and a read that fails for a
/// transient reason (connection refused or reset, the server restarting or out of connections) is retried up to
/// <see cref="MaxRetryCount"/> times. The API only reads, so replaying a statement cannot apply a write twice; the
/// importer, which writes in explicit transactions, keeps the default strategy (no retries).
/// </summary>
internal static class DatabaseResilience
{
    /// <summary>Seconds one statement may run; well inside the request's own budget (RequestBudget.Seconds).</summary>
    public const int CommandTimeoutSeconds = 3;

    public const int MaxRetryCount = 2;

    public static readonly TimeSpan RetryDelayCap = TimeSpan.FromSeconds(1);

    /// <summary>Statements Npgsql keeps prepared per physical connection (automatic preparation).</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// The API's session settings, sent at connect time. JIT off: <c>ST_DWithin</c> on geography gets huge cost
    /// estimates, so every search was JIT-compiled with inlining (180–540 ms) to save a few ms. No parallel workers:
    /// on a small server a parallel gather per request only multiplies the CPU one request takes from the others.
    /// Automatic preparation lets Npgsql prepare the statements the API repeats, so their plans are reused.
    /// </summary>
    public static string ForApiConnection(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString ?? "";
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = $"{builder.Options} -c jit=off -c max_parallel_workers_per_gather=0".Trim();
        // The API never changes session state, so returning a connection to the pool needs no reset round trip.
        builder.NoResetOnClose = true;
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public static Action<NpgsqlDbContextOptionsBuilder> ForApi(IConfiguration configuration)
    {
        var timeout = configuration.GetValue("Database:CommandTimeoutSeconds", CommandTimeoutSeconds);
        var retries = configuration.GetValue("Database:MaxRetryCount", MaxRetryCount);
        return npgsql => npgsql
            .CommandTimeout(timeout)
            .ExecutionStrategy(dependencies => new ReadRetryStrategy(dependencies, retries));
    }

    /// <summary>
    /// Npgsql's retrying strategy, except for timeouts: a statement that ran out of time would run out again, and
    /// repeating it only doubles the load on a database that is already slow.
    /// </summary>
    private sealed class ReadRetryStrategy(ExecutionStrategyDependencies dependencies, int retries)
        : NpgsqlRetryingExecutionStrategy(dependencies, retries, RetryDelayCap, errorCodesToAdd: null)
    {
        protected override bool ShouldRetryOn(Exception? exception) =>
            !IsTimeout(exception) && base.ShouldRetryOn(exception);

        private static bool IsTimeout(Exception? exception) =>
            exception is TimeoutException || exception?.InnerException is TimeoutException
            || (exception is NpgsqlException { InnerException: TimeoutException });
    }
}

/// <summary>Recognises a database that is down, unreachable or too slow: the client should come back later.</summary>
internal static class DatabaseFaults
{
    /// <summary>What Retry-After tells a client when the database is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Code = "SERVICE_UNAVAILABLE";

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // Transient: connection refused or reset, server shutting down (57P01..57P03), too many connections (53300),
            // a statement timeout. Not transient: bad SQL, bad data (22021) — those stay 500s.
            if (e is RetryLimitExceededException or TimeoutException || e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
