using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AssetMap.Api.Tests.Features.Hostile;

/// <summary>
/// A database failure we did not foresee, in Production: every read of PCN areas fails with a PostgresException carrying
/// its SQL state, server file, line and routine. REST answers a detail-free 500 problem (whatever the Accept header);
/// GraphQL answers one generic error: no exception text, no SQL state, no server details.
/// </summary>
public sealed class ProductionDatabaseFailureTests(ProductionDatabaseFailureTests.FailingDatabaseApi api) : IClassFixture<ProductionDatabaseFailureTests.FailingDatabaseApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task Rest_answers_a_500_problem_without_details(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/pcn-areas/U81042");
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await api.CreateClient().SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // The 500 is expected here; a leaked detail or a body that is no problem document is not.
        Assert.DoesNotContain(HostileInput.Problems("GET /api/v1/pcn-areas/U81042", response, body, graphql: false), p => !p.Contains("server error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GraphQL_answers_one_generic_error_without_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\": \"{ pcnArea(code: \\\"U81042\\\") { name } }\"}", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await api.CreateClient().SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("errors")[0];

        Assert.Empty(HostileInput.Problems("POST /graphql", response, body, graphql: true));
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(error.GetProperty("extensions").TryGetProperty("data", out _), body);
        Assert.DoesNotContain("U81042", body, StringComparison.Ordinal);
    }

    /// <summary>Production, with every command that reads PCN areas failing in the database.</summary>
    public sealed class FailingDatabaseApi : ProductionApi
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<AssetMapDbContext>(o => o.AddInterceptors(new PcnAreasFail())));
        }
    }

    private sealed class PcnAreasFail : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("pcn_areas", StringComparison.Ordinal)
                ? throw new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021",
                    file: "mbutils.c", line: "1665", routine: "report_invalid_encoding")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
