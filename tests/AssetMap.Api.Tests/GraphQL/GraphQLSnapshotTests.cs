using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.GraphQL;

/// <summary>Queries a partner would send, and their results over the sample, as committed snapshots.</summary>
public sealed class GraphQLSnapshotTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Assets_near_a_postcode() => Snapshot.Match((await api.CreateClient().PostAsync(
        """
        {
          assets(postcode: "RM16 2JT", radiusMetres: 1000, first: 6) {
            totalCount
            pageInfo { hasNextPage }
            edges { node {
              __typename name slug kind distanceMetres locationIsApproximate
              categories { slug } pcnArea { code } address { line town postcode }
              ... on Hub { openingHours facilities }
              ... on MicroEnterprise { price priceUnit acceptsDirectPayments homeBased serviceArea { radiusMetres } }
              ... on SocialPrescribingActivity { provider cost referral capacity schedule { rule durationMinutes timeZone } venue { name } }
            } }
          }
        }
        """)).Data(), "assets-near-a-postcode");

    [Fact]
    public async Task Lunch_clubs_inside_a_pcn_area() => Snapshot.Match((await api.CreateClient().PostAsync(
        """
        {
          pcnArea(code: "U81042") {
            code name locality
            counts { total byKind { kind count } }
            assets(categories: ["food-and-meals"], first: 10) { totalCount edges { node { name kind } } }
          }
        }
        """)).Data(), "lunch-clubs-in-a-pcn-area");

    [Fact]
    public async Task An_asset_a_postcode_and_the_taxonomy() => Snapshot.Match((await api.CreateClient().PostAsync(
        """
        {
          asset(id: "aveley-village-hub") { name summary contact { phone email website } ... on Hub { openingHours } }
          postcode(code: "rm16 2jt") { code location { latitude longitude } pcnArea { code name } }
          pcnAreas { code name locality }
          categories { slug assetCount children { slug assetCount } }
        }
        """)).Data(), "asset-postcode-taxonomy");
}
