using System.Text.Json;
using System.Text.Json.Nodes;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Contracts;

/// <summary>The feed's own OpenAPI document (the one <c>GET /openreferral/v3/</c> points at) is committed and drift-tested.</summary>
public sealed class OpenReferralContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_running_feed_matches_the_committed_openapi_document()
    {
        var committedPath = Path.Combine(Path.GetDirectoryName(TestSupport.SeedData.Directory)!, "openapi", "openreferral.v3.json");
        var running = await api.CreateClient().GetStringAsync("/swagger/openreferral-v3/swagger.json", TestContext.Current.CancellationToken);
        var normalised = JsonNode.Parse(running)!.ToJsonString(Indented) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(committedPath, normalised, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. Regenerate it: UPDATE_CONTRACTS=1 ./test.sh --filter OpenReferralContractTests");
        var committed = await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken);
        Assert.True(committed == normalised,
            "The Open Referral feed differs from openapi/openreferral.v3.json. If the change is intended, regenerate the document with "
            + "UPDATE_CONTRACTS=1 ./test.sh --filter OpenReferralContractTests and commit it.");
    }
}
