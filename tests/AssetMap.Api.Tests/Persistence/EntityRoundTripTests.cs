using AssetMap.TestSupport;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.Taxonomy;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Tests.Persistence;

public sealed class EntityRoundTripTests(EmptyDatabaseFixture fixture) : IClassFixture<EmptyDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Verified = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Places_and_categories_round_trip()
    {
        var boundary = Geo.Factory.CreateMultiPolygon([Geo.Factory.CreatePolygon(
            [new(0.60, 51.60), new(0.70, 51.60), new(0.70, 51.70), new(0.60, 51.70), new(0.60, 51.60)])]);
        var area = PcnArea.Create("U99901", "Test PCN", "Testville", boundary);
        var postcode = PostcodeLocation.Create(Postcode.Parse("zz9 9zz"), Geo.Point(0.65, 51.65));
        var parent = Category.Create("Round trip parent", null, []);
        var child = Category.Create("Round trip child", parent, ["rt synonym", "another"]);
        await using (var db = fixture.Database.CreateContext())
        {
            db.AddRange(area, postcode, parent, child);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = fixture.Database.CreateContext();
        var storedArea = await read.PcnAreas.SingleAsync(p => p.Code == "U99901", Ct);
        Assert.Equal(("Test PCN", "Testville"), (storedArea.Name, storedArea.Locality));
        Assert.True(storedArea.Boundary.EqualsExact(boundary));
        Assert.Equal(4326, storedArea.Boundary.SRID);
        var storedPostcode = await read.Postcodes.SingleAsync(p => p.Postcode == Postcode.Parse("ZZ9 9ZZ"), Ct);
        Assert.True(storedPostcode.Location.EqualsExact(postcode.Location));
        var storedChild = await read.Categories.SingleAsync(c => c.Id == child.Id, Ct);
        Assert.Equal((parent.Id, "round-trip-child"), (storedChild.ParentId, storedChild.Slug));
        Assert.Equal(["rt synonym", "another"], storedChild.Synonyms);
    }

    [Fact]
    public async Task Every_asset_kind_round_trips_with_its_own_fields()
    {
        var category = Category.Create("Round trip assets", null, []);
        var hub = CommunityHub.Create(Profile("Round Trip Hub", 0.3245, 51.4782), [category],
            OpeningHours.Parse("Mo-Fr 09:00-17:00; Sa 10:00-13:00"), ["Café", "Hearing loop"]);
        var serviceArea = Geo.Factory.CreatePolygon([new(0.30, 51.47), new(0.34, 51.47), new(0.34, 51.49), new(0.30, 51.49), new(0.30, 51.47)]);
        var enterprise = MicroEnterprise.Create(Profile("Round Trip Feet", 0.33, 51.48), [category], new MicroEnterpriseDetails(
            ["Nail cutting"], Money.Parse("£22.50"), "per visit", true, new DateOnly(2027, 3, 31), new DateOnly(2025, 6, 1),
            "1-1234567890", 5_000, serviceArea, HomeBased: true, ShowsHomeLocation: false));
        var activity = SocialPrescribingActivity.Create(Profile("Round Trip Walk", 0.3246, 51.4783), [category], new ActivityDetails(
            "Walkers CIC", hub.Id, Schedule.Create(new DateTime(2026, 10, 14, 14, 0, 0), TimeSpan.FromMinutes(90), "FREQ=MONTHLY;BYDAY=2WE"),
            Money.Free, "Adults 18+", ReferralRoute.LinkWorker, 12));
        await using (var db = fixture.Database.CreateContext())
        {
            db.AddRange(hub, enterprise, activity);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = fixture.Database.CreateContext();
        var assets = await read.Assets.AsNoTracking().Include(a => a.Categories)
            .Where(a => a.Categories.Any(c => c.Id == category.Id)).ToDictionaryAsync(a => a.Name, Ct);

        var storedHub = Assert.IsType<CommunityHub>(assets["Round Trip Hub"]);
        AssertSharedFields(hub, storedHub);
        Assert.Equal(hub.OpeningHours, storedHub.OpeningHours);
        Assert.Equal(["Café", "Hearing loop"], storedHub.Facilities);

        var storedEnterprise = Assert.IsType<MicroEnterprise>(assets["Round Trip Feet"]);
        AssertSharedFields(enterprise, storedEnterprise);
        Assert.Equal((2250L, "per visit", true), (storedEnterprise.Price!.Value.Pence, storedEnterprise.PriceUnit, storedEnterprise.AcceptsDirectPayments));
        Assert.Equal((new DateOnly(2027, 3, 31), new DateOnly(2025, 6, 1)), (storedEnterprise.InsuranceExpiresOn, storedEnterprise.DbsCheckedOn));
        Assert.Equal(("1-1234567890", 5_000), (storedEnterprise.CqcRegistration, storedEnterprise.ServiceRadiusMetres));
        Assert.True(storedEnterprise.ServiceArea!.EqualsExact(serviceArea));
        Assert.Equal((true, false), (storedEnterprise.HomeBased, storedEnterprise.ShowsHomeLocation));
        Assert.Equal(["Nail cutting"], storedEnterprise.Services);

        var storedActivity = Assert.IsType<SocialPrescribingActivity>(assets["Round Trip Walk"]);
        AssertSharedFields(activity, storedActivity);
        Assert.Equal(activity.Schedule, storedActivity.Schedule);
        Assert.Equal((hub.Id, "Walkers CIC", 0L), (storedActivity.VenueId, storedActivity.Provider, storedActivity.Cost!.Value.Pence));
        Assert.Equal((ReferralRoute.LinkWorker, 12, "Adults 18+"), (storedActivity.Referral, storedActivity.Capacity, storedActivity.Eligibility));
    }

    [Fact]
    public async Task Saving_stamps_audit_times_and_a_stale_edit_is_refused()
    {
        var hub = CommunityHub.Create(Profile("Concurrency Hub", 0.40, 51.50), [], null, []);
        await using (var db = fixture.Database.CreateContext())
        {
            db.Add(hub);
            await db.SaveChangesAsync(Ct);
        }

        await using var first = fixture.Database.CreateContext();
        await using var second = fixture.Database.CreateContext();
        var a = await first.Hubs.SingleAsync(h => h.Id == hub.Id, Ct);
        var b = await second.Hubs.SingleAsync(h => h.Id == hub.Id, Ct);
        Assert.True(a.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.NotEqual(0u, a.Version);

        a.SetHubDetails(OpeningHours.Parse("Mo 09:00-12:00"), []);
        await first.SaveChangesAsync(Ct);
        b.SetHubDetails(OpeningHours.Parse("Tu 09:00-12:00"), []);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        Assert.True(a.UpdatedAt >= a.CreatedAt);
    }

    [Fact]
    public async Task Time_bank_members_and_exchanges_round_trip()
    {
        var home = Geo.Point(0.3251, 51.4773);
        var bank = LocalTimeBank.Create("Round Trip Time Bank", "Jo", "timebank@example.org", null, Hours.Parse("5"));
        var giver = TimeBankMember.Register(bank.Id, "RT-1",
            new MemberProfile("Ann", "B", ["gardening"], ["community-transport"], null, "Mornings", ContactPreference.Text, "01632 960002"),
            Postcode.Parse("RM17 6SL"), home, new DateOnly(2025, 1, 2), MemberStatus.Active, new AssetSource("RT-1", "members.csv", null, 2));
        var receiver = TimeBankMember.Register(bank.Id, "RT-2", new MemberProfile("Bob", "", [], [], null, null, ContactPreference.Phone, null),
            Postcode.Parse("RM16 2JT"), home, new DateOnly(2025, 1, 3), MemberStatus.Active, AssetSource.Manual);
        var exchange = TimeBankExchange.Record(
            new ExchangeRequest(giver.Id, receiver.Id, Hours.Parse("1.75"), new DateOnly(2026, 2, 3), null, "Weeding"),
            new Recording("jo", Verified, new DateOnly(2026, 2, 3)));
        await using (var db = fixture.Database.CreateContext())
        {
            db.AddRange(bank, giver, receiver, exchange);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = fixture.Database.CreateContext();
        var storedGiver = await read.TimeBankMembers.SingleAsync(m => m.MemberRef == "RT-1", Ct);
        Assert.Equal(("Ann B.", "RM17 6", "Mornings"), (storedGiver.DisplayName, storedGiver.PostcodeSector, storedGiver.Availability));
        Assert.True(storedGiver.CoarseLocation?.EqualsExact(Geo.Coarsen(home)));
        Assert.Equal(["gardening"], storedGiver.SkillsOffered);
        Assert.Equal((ContactPreference.Text, "01632 960002"), (storedGiver.ContactPreference, storedGiver.ContactDetails));
        Assert.Equal(new AssetSource("RT-1", "members.csv", null, 2), storedGiver.Source);
        var storedExchange = await read.TimeBankExchanges.SingleAsync(e => e.Id == exchange.Id, Ct);
        Assert.Equal((giver.Id, receiver.Id, 7, "Weeding"), (storedExchange.GiverId, storedExchange.ReceiverId, storedExchange.Hours.Quarters, storedExchange.Description));
        var entries = await read.TimeBankEntries.Where(e => e.ExchangeId == exchange.Id).OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal([(giver.Id, 7), (receiver.Id, -7)], entries.Select(e => (e.MemberId, e.Amount.Quarters)));
    }

    [Fact]
    public async Task The_database_refuses_an_exchange_that_breaks_the_ledger_rules()
    {
        await using var db = fixture.Database.CreateContext();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync(
            $"INSERT INTO time_bank_exchanges (id, giver_id, receiver_id, quarter_hours, occurred_on, recorded_at) VALUES ({Guid.CreateVersion7()}, {Guid.Empty}, {Guid.Empty}, 0, DATE '2026-01-01', now())", Ct));

        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task The_database_keeps_the_ledger_append_only_and_balanced()
    {
        var bank = LocalTimeBank.Create("Append Only Time Bank", "Jo", "timebank@example.org", null, null);
        TimeBankMember Member(string memberRef) => TimeBankMember.Register(bank.Id, memberRef,
            new MemberProfile("Cy", "", [], [], null, null, ContactPreference.Phone, null),
            Postcode.Parse("RM17 6SL"), Geo.Point(0.32, 51.47), new DateOnly(2025, 1, 2), MemberStatus.Active, AssetSource.Manual);
        await using var db = fixture.Database.CreateContext();
        var members = new[] { Member("AO-1"), Member("AO-2") };
        var (giver, receiver) = (members[0].Id, members[1].Id);
        db.AddRange(bank, members[0], members[1]);
        db.Add(TimeBankExchange.Record(new ExchangeRequest(giver, receiver, Hours.Parse("1"), new DateOnly(2026, 1, 1), null, null), new Recording("jo", Verified, new DateOnly(2026, 1, 1))));
        await db.SaveChangesAsync(Ct);

        var edit = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync($"UPDATE time_bank_entries SET quarter_hours = quarter_hours * 2 WHERE member_id = {giver}", Ct));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM time_bank_exchanges WHERE giver_id = {giver}", Ct));
        // An exchange whose entries do not cancel is refused when its transaction commits.
        var id = Guid.CreateVersion7();
        var unbalanced = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.Database.ExecuteSqlAsync($"""
            INSERT INTO time_bank_exchanges (id, giver_id, receiver_id, quarter_hours, occurred_on, recorded_at, recorded_by) VALUES ({id}, {giver}, {receiver}, 4, DATE '2026-01-01', now(), 'test');
            INSERT INTO time_bank_entries (exchange_id, member_id, quarter_hours, posted_on) VALUES ({id}, {giver}, 4, DATE '2026-01-01'), ({id}, {receiver}, -3, DATE '2026-01-01');
            """, Ct));

        Assert.Equal(Npgsql.PostgresErrorCodes.IntegrityConstraintViolation, edit.SqlState);
        Assert.Equal(Npgsql.PostgresErrorCodes.IntegrityConstraintViolation, delete.SqlState);
        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, unbalanced.SqlState);
    }

    private static AssetProfile Profile(string name, double lon, double lat) => new(
        name, $"{name} summary", "A description.",
        new Address("1 Test Street", "Grays", Postcode.Parse("RM17 6SL")),
        Geo.Point(lon, lat),
        new Contact("01632 960001", "test@example.org", "example.org/test"),
        true, "Step-free.", AssetStatus.Published, Verified, new AssetSource("REF-1", "test.csv", "Sheet1", 7));

    private static void AssertSharedFields(Asset expected, Asset actual)
    {
        Assert.Equal((expected.Id, expected.Slug, expected.Kind, expected.Summary), (actual.Id, actual.Slug, actual.Kind, actual.Summary));
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Address, actual.Address);
        Assert.True(actual.Location.EqualsExact(expected.Location));
        Assert.Equal(4326, actual.Location.SRID);
        Assert.Equal(expected.Contact, actual.Contact);
        Assert.Equal((true, "Step-free.", AssetStatus.Published), (actual.WheelchairAccessible, actual.AccessibilityNotes, actual.Status));
        Assert.Equal(Verified, actual.LastVerifiedAt);
        Assert.Equal(expected.Source, actual.Source);
        Assert.NotEqual(default, actual.CreatedAt);
        Assert.Single(actual.Categories);
    }
}
