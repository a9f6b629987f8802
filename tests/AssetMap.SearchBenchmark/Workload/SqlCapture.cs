extern alias api;

using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AssetMap.SearchBenchmark.Workload;

/// <summary>One SQL command exactly as the API sent it: text, parameters (types included) and timeout.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters, int TimeoutSeconds)
{
    /// <summary>A fresh command on <paramref name="connection"/> (parameters cloned: a parameter belongs to one command).</summary>
    public NpgsqlCommand On(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(Text, connection) { CommandTimeout = TimeoutSeconds };
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }
}

/// <summary>
/// The API in-process (its real pipeline, over the benchmark database) with an EF command interceptor: each shape's
/// REST request runs once and every command EF sends for it is kept, to be replayed as "direct SQL". The host's own
/// DbContext then opens the replay connections, so they carry whatever the API's context sets up (data source plugins,
/// connection-string options, connection interceptors). The capture host gets long timeouts so slow searches capture
/// their whole command sequence; the replay uses each command's own timeout, which is what the API set on it.
/// </summary>
internal sealed partial class SqlCapture : WebApplicationFactory<api::Program>
{
    private readonly string _database;
    private readonly string _contentRoot;
    private readonly Recorder _recorder = new();

    public SqlCapture(string database, string repository)
    {
        _database = database;
        _contentRoot = Path.Combine(repository, "src", "AssetMap.Api");
    }

    /// <summary>Runs each REST request once, keeping its commands and what it matched. Returns the status per shape.</summary>
    public async Task CaptureAsync(IReadOnlyList<SearchShape> shapes, TextWriter log, CancellationToken ct)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });
        client.Timeout = TimeSpan.FromMinutes(10);
        foreach (var shape in shapes)
        {
            _recorder.Clear();
            using var response = await client.GetAsync(shape.Rest, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            // Timeouts the API sets on its commands are kept for the replay; the capture host's long ones are not.
            shape.Sql = [.. _recorder.Commands.Select(c => c with { TimeoutSeconds = ReplayTimeoutSeconds })];
            // A capped count (the search branch's totalCountIsLowerBound) shows as "≥ n".
            shape.Matched = TotalCount().Match(body) is { Success: true } m
                ? (body.Contains("\"totalCountIsLowerBound\":true", StringComparison.Ordinal) ? "≥ " : "") + m.Groups[1].Value
                : "–";
            if (!response.IsSuccessStatusCode || shape.Sql.Count == 0)
            {
                log.WriteLine($"  capture of '{shape.Name}': HTTP {(int)response.StatusCode}, {shape.Sql.Count} commands");
            }
        }
    }

    /// <summary>The API's statement timeout (Database:CommandTimeoutSeconds, 3 s in production), applied to the replay.</summary>
    public int ReplayTimeoutSeconds { get; init; } = 3;

    /// <summary>An open connection from the API's own DbContext, for one replaying client.</summary>
    public async Task<(AsyncServiceScope Scope, NpgsqlConnection Connection)> OpenAsync(CancellationToken ct)
    {
        var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetMapDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        return (scope, (NpgsqlConnection)db.Database.GetDbConnection());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(_contentRoot);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:AssetMap", _database);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:CommandTimeoutSeconds", "600");
        builder.UseSetting("RequestBudget:Seconds", "600");
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AssetMapDbContext>(o => o.AddInterceptors(_recorder)));
    }

    // "totalCount":123 in REST bodies (camelCase JSON).
    [GeneratedRegex("\"totalCount\"\\s*:\\s*(\\d+)")]
    private static partial Regex TotalCount();

    private sealed class Recorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<CapturedCommand> _commands = new();

        public IReadOnlyList<CapturedCommand> Commands => [.. _commands];

        public void Clear() => _commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Keep(DbCommand command) =>
            _commands.Enqueue(new CapturedCommand(
                command.CommandText,
                [.. ((NpgsqlCommand)command).Parameters.Select(p => p.Clone())],
                command.CommandTimeout));
    }
}
