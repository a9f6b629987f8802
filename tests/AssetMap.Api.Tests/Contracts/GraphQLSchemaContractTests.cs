using AssetMap.Api.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Contracts;

public sealed class GraphQLSchemaContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_running_schema_matches_the_committed_sdl()
    {
        var committedPath = Path.Combine(Path.GetDirectoryName(TestSupport.SeedData.Directory)!, "openapi", "assetmap.graphql");
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var running = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(committedPath, running, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. Regenerate it: UPDATE_CONTRACTS=1 ./test.sh --filter GraphQLSchemaContractTests");
        Assert.True(await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken) == running,
            "The GraphQL schema differs from openapi/assetmap.graphql. If the change is intended (add, deprecate, never remove), "
            + "regenerate it with UPDATE_CONTRACTS=1 ./test.sh --filter GraphQLSchemaContractTests and commit it.");
    }
}
