using System.Text.Json;
using System.Text.Json.Nodes;
using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Contracts;

/// <summary>
/// The OpenAPI documents the app serves (the REST API's, and the Open Referral feed's that <c>GET /openreferral/v3/</c>
/// points at) are committed under openapi/ and drift-tested.
/// </summary>
public sealed class OpenApiContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("/swagger/v1/swagger.json", "assetmap.v1.json")]
    [InlineData("/swagger/openreferral-v3/swagger.json", "openreferral.v3.json")]
    public async Task The_running_app_matches_the_committed_openapi_document(string url, string file)
    {
        var committedPath = Path.Combine(Path.GetDirectoryName(TestSupport.SeedData.Directory)!, "openapi", file);
        var running = await api.CreateClient().GetStringAsync(url, TestContext.Current.CancellationToken);
        var normalised = JsonNode.Parse(running)!.ToJsonString(Indented) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(committedPath, normalised, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. Regenerate it: UPDATE_CONTRACTS=1 ./test.sh --filter OpenApiContractTests");
        var committed = await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken);
        Assert.True(committed == normalised,
            $"{url} differs from openapi/{file}. If the change is intended, regenerate the document with "
            + "UPDATE_CONTRACTS=1 ./test.sh --filter OpenApiContractTests and commit it.");
    }
}
