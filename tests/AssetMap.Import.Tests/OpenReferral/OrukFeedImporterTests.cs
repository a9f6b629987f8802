using AssetMap.Domain.Assets;
using AssetMap.Import.Importing;
using AssetMap.Import.OpenReferral;
using AssetMap.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Import.Tests.OpenReferral;

/// <summary>A neighbouring council's feed (saved as a folder of JSON) read with a mapping file.</summary>
public sealed class OrukFeedImporterTests(SampleDatabaseFixture sample) : IClassFixture<SampleDatabaseFixture>
{
    private const string Hub = """
        { "id": "11111111-1111-4111-8111-111111111111", "name": "Basildon Community Centre", "status": "active",
          "description": "A busy centre with a café.", "url": "https://example.org/bcc", "email": "bcc@example.org",
          "attributes": [ { "id": "a1111111-1111-4111-8111-111111111111", "taxonomy_term_id": "c1111111-1111-4111-8111-111111111111",
                            "taxonomy_term": { "id": "c1111111-1111-4111-8111-111111111111", "name": "Community centre", "description": "x" } },
                          { "id": "a2222222-1111-4111-8111-111111111111", "taxonomy_term": { "id": "c2222222-1111-4111-8111-111111111111", "name": "Lunch club", "description": "x" } } ],
          "schedules": [ { "id": "51111111-1111-4111-8111-111111111111", "freq": "WEEKLY", "byday": "MO,TU,WE", "opens_at": "09:00", "closes_at": "17:00" } ],
          "service_at_locations": [ { "id": "e1111111-1111-4111-8111-111111111111", "location": { "id": "f1111111-1111-4111-8111-111111111111",
              "location_type": "physical", "latitude": 51.5761, "longitude": 0.4887,
              "addresses": [ { "id": "d1111111-1111-4111-8111-111111111111", "address_1": "1 Town Square", "city": "Basildon", "state_province": "Essex", "postal_code": "SS14 1DL", "country": "GB", "address_type": "physical" } ] } } ] }
        """;

    private const string Activity = """
        { "id": "22222222-2222-4222-8222-222222222222", "name": "Tuesday Bingo", "status": "active", "description": "Bingo and tea. Everyone welcome.",
          "organization": { "id": "0a222222-2222-4222-8222-222222222222", "name": "Basildon Friends", "description": "x" },
          "attributes": [ { "id": "a3333333-2222-4222-8222-222222222222", "taxonomy_term": { "id": "c3333333-2222-4222-8222-222222222222", "name": "Bingo", "description": "x" } } ],
          "schedules": [ { "id": "52222222-2222-4222-8222-222222222222", "freq": "WEEKLY", "byday": "TU", "dtstart": "2026-12-01", "opens_at": "14:00", "closes_at": "16:00" } ],
          "cost_options": [ { "id": "62222222-2222-4222-8222-222222222222", "amount": 2.5, "amount_description": "per session" } ],
          "service_at_locations": [ { "id": "e2222222-2222-4222-8222-222222222222", "location": { "id": "f1111111-1111-4111-8111-111111111111",
              "location_type": "physical", "latitude": 51.5761, "longitude": 0.4887 } } ] }
        """;

    private const string Nowhere = """{ "id": "33333333-3333-4333-8333-333333333333", "name": "Online Chat", "status": "active" }""";

    private const string Mapping = """{ "categories": { "Lunch club": "lunch-clubs" }, "kinds": { "Community centre": "hub" } }""";

    [Fact]
    public async Task A_neighbours_feed_is_read_through_the_mapping_with_problems_named_by_service_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("oruk-feed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "services.json"), $$"""{ "total_items": 3, "contents": [ {{Hub}}, {{Activity}}, {{Nowhere}} ] }""", ct);
        var mappingFile = Path.Combine(folder, "..", Path.GetFileName(folder) + "-mapping.json");
        await File.WriteAllTextAsync(mappingFile, Mapping, ct);
        var mapping = await OrukReadMapping.ReadAsync(mappingFile, ct);

        await using var db = sample.Database.CreateContext();
        var report = await new OrukFeedImporter(db).ImportAsync(new OrukFeedSource(folder), mapping, archiveMissing: false, ct);

        Assert.Equal(new ImportCounts(2, 0, 0, 0, 1, 1), report.Counts);
        var error = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(("33333333-3333-4333-8333-333333333333", 3, "location"), (error.Sheet, error.Row, error.Column));
        var warning = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Warning);
        Assert.Equal(("22222222-2222-4222-8222-222222222222", "Bingo"), (warning.Sheet, warning.Value));
        Assert.Contains("Unmapped taxonomy term", warning.Reason, StringComparison.Ordinal);

        var hub = await db.Hubs.AsNoTracking().Include(h => h.Categories).SingleAsync(h => h.Source.ExternalRef == "11111111-1111-4111-8111-111111111111", ct);
        Assert.Equal("Mo-We 09:00-17:00", hub.OpeningHours?.ToString());
        Assert.Equal(["lunch-clubs"], hub.Categories.Select(c => c.Slug));
        Assert.Equal("SS14 1DL", hub.Address.Postcode?.Value);
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Source.ExternalRef == "22222222-2222-4222-8222-222222222222", ct);
        Assert.Equal(("Basildon Friends", hub.Id, 250L), (activity.Provider, activity.VenueId, activity.Cost?.Pence));
        Assert.Equal("FREQ=WEEKLY;BYDAY=TU", activity.Schedule.Rule);
        Assert.Equal(new DateTime(2026, 12, 1, 14, 0, 0), activity.Schedule.FirstStart);

        // The feed drops the activity: listed, then archived only when asked; never deleted.
        await File.WriteAllTextAsync(Path.Combine(folder, "services.json"), $$"""[ {{Hub}} ]""", ct);
        var listed = await new OrukFeedImporter(db).ImportAsync(new OrukFeedSource(folder), mapping, archiveMissing: false, ct);
        Assert.Equal(["22222222-2222-4222-8222-222222222222"], listed.MissingFromFile);
        Assert.Equal((0, 1), (listed.Counts.Created, listed.Counts.Unchanged));
        var archived = await new OrukFeedImporter(db).ImportAsync(new OrukFeedSource(folder), mapping, archiveMissing: true, ct);
        Assert.Equal(1, archived.Counts.Archived);
        Assert.Equal(AssetStatus.Archived, (await db.Activities.AsNoTracking().SingleAsync(a => a.Id == activity.Id, ct)).Status);
    }

    // ORUK 1.0 names things differently: "content", physical_addresses, regular_schedules, service_taxonomys.
    private const string HubV1 = """
        { "id": "44444444-4444-4444-8444-444444444444", "name": "Pitsea Hall", "status": "active", "description": "A hall for everyone.",
          "email": "hall@example.org",
          "service_taxonomys": [ { "id": "a4444444-4444-4444-8444-444444444444", "taxonomy": { "id": "c4444444-4444-4444-8444-444444444444", "name": "Lunch club", "vocabulary": "esdServiceTypes" } } ],
          "regular_schedules": [ { "id": "54444444-4444-4444-8444-444444444444", "freq": "WEEKLY", "byday": "TH,FR", "opens_at": "10:00", "closes_at": "15:00" } ],
          "service_at_locations": [ { "id": "e4444444-4444-4444-8444-444444444444", "location": { "id": "f4444444-4444-4444-8444-444444444444",
              "name": "Pitsea Hall", "latitude": 51.5640, "longitude": 0.5060,
              "physical_addresses": [ { "id": "d4444444-4444-4444-8444-444444444444", "address_1": "2 Station Lane", "city": "Pitsea", "state_province": "Essex", "postal_code": "SS13 3AB", "country": "GB" } ] } } ] }
        """;

    private const string ActivityV1 = """
        { "id": "55555555-5555-4555-8555-555555555555", "name": "Pitsea Knit and Natter", "status": "active", "description": "Bring your needles.",
          "organization": { "id": "0a555555-5555-4555-8555-555555555555", "name": "Pitsea Crafters", "description": "x" },
          "regular_schedules": [ { "id": "55555556-5555-4555-8555-555555555555", "freq": "WEEKLY", "byday": "WE", "dtstart": "2026-12-02", "opens_at": "13:00", "closes_at": "15:00" } ],
          "cost_options": [ { "id": "65555555-5555-4555-8555-555555555555", "amount": 1, "amount_description": "per session" } ],
          "service_at_locations": [ { "id": "e5555555-5555-4555-8555-555555555555", "location": { "id": "f4444444-4444-4444-8444-444444444444",
              "latitude": 51.5640, "longitude": 0.5060 } } ] }
        """;

    [Fact]
    public async Task An_oruk_1_0_feed_is_read_by_its_own_field_names()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("oruk-feed-v1-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "services.json"), $$"""{ "totalElements": 2, "content": [ {{HubV1}}, {{ActivityV1}} ] }""", ct);
        var mappingFile = Path.Combine(folder, "..", Path.GetFileName(folder) + "-mapping.json");
        await File.WriteAllTextAsync(mappingFile, """{ "categories": { "Lunch club": "lunch-clubs" } }""", ct);
        var mapping = await OrukReadMapping.ReadAsync(mappingFile, ct);

        await using var db = sample.Database.CreateContext();
        var report = await new OrukFeedImporter(db).ImportAsync(new OrukFeedSource(folder), mapping, archiveMissing: false, ct);

        Assert.True(report.Counts.Created == 2, string.Join("; ", report.Problems.Select(p => $"{p.Sheet} {p.Column}: {p.Reason}")));
        var hub = await db.Hubs.AsNoTracking().Include(h => h.Categories).SingleAsync(h => h.Source.ExternalRef == "44444444-4444-4444-8444-444444444444", ct);
        Assert.Equal("Th-Fr 10:00-15:00", hub.OpeningHours?.ToString());
        Assert.Equal(["lunch-clubs"], hub.Categories.Select(c => c.Slug));
        Assert.Equal(("2 Station Lane", "SS13 3AB"), (hub.Address.Line, hub.Address.Postcode?.Value));
        var activity = await db.Activities.AsNoTracking().SingleAsync(a => a.Source.ExternalRef == "55555555-5555-4555-8555-555555555555", ct);
        Assert.Equal(("Pitsea Crafters", hub.Id, 100L), (activity.Provider, activity.VenueId, activity.Cost?.Pence));
        Assert.Equal("FREQ=WEEKLY;BYDAY=WE", activity.Schedule.Rule);
        Assert.Equal(new DateTime(2026, 12, 2, 13, 0, 0), activity.Schedule.FirstStart);
    }
}
