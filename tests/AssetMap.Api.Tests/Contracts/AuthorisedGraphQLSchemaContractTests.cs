using AssetMap.Api.GraphQL.Authorised;
using AssetMap.Api.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace AssetMap.Api.Tests.Contracts;

/// <summary>The signed-in schema (/graphql/authorised) against its committed SDL, as the public one is checked.</summary>
public sealed class AuthorisedGraphQLSchemaContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_running_authorised_schema_matches_the_committed_sdl()
    {
        var committedPath = Path.Combine(Path.GetDirectoryName(TestSupport.SeedData.Directory)!, "openapi", "assetmap.authorised.graphql");
        var schema = api.Services.GetRequiredService<AuthorisedSchema>();
        schema.Initialize();
        var running = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACTS") == "1")
        {
            await File.WriteAllTextAsync(committedPath, running, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. Regenerate it: UPDATE_CONTRACTS=1 ./test.sh --filter AuthorisedGraphQLSchemaContractTests");
        Assert.True(await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken) == running,
            "The authorised GraphQL schema differs from openapi/assetmap.authorised.graphql. If the change is intended, "
            + "regenerate it with UPDATE_CONTRACTS=1 ./test.sh --filter AuthorisedGraphQLSchemaContractTests and commit it.");
    }

    [Fact]
    public void The_public_schema_is_the_one_resolved_as_ISchema_and_names_no_member_type()
    {
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        Assert.IsNotType<AuthorisedSchema>(schema);
        var sdl = schema.Print();
        Assert.Contains("type Query", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("TimeBank", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("timeBank", sdl, StringComparison.Ordinal);
    }
}
