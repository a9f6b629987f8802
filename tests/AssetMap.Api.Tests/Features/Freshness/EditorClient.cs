using System.Net.Http.Headers;
using AssetMap.Api.Tests.Infrastructure;
using AssetMap.TestSupport;
using Npgsql;

namespace AssetMap.Api.Tests.Features.Freshness;

/// <summary>Clients signed in with real bearer tokens, and direct SQL to put records in a known state.</summary>
internal static class EditorClient
{
    public static HttpClient As(this ApiFactory api, string? name, params string[] roles)
    {
        var client = api.CreateClient();
        if (name is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(name, roles));
        }

        return client;
    }

    public static async Task<int> SqlAsync(this ApiFactory api, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<T> ScalarAsync<T>(this ApiFactory api, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
