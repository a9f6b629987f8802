using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Domain.Tests;

public sealed class TimeBankTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Recording Broker = new("jo", new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), Today);

    [Fact]
    public void Balances_credit_the_giver_debit_the_receiver_and_sum_to_zero()
    {
        Guid ann = Guid.CreateVersion7(), bob = Guid.CreateVersion7(), cat = Guid.CreateVersion7();
        var exchanges = new[]
        {
            Exchange(ann, bob, "1.5"),
            Exchange(bob, cat, "0.25"),
            Exchange(cat, ann, "2"),
        };

        var balances = TimeBankLedger.Balances(exchanges);

        Assert.Equal(-0.5m, balances[ann].Value);
        Assert.Equal(-1.25m, balances[bob].Value);
        Assert.Equal(1.75m, balances[cat].Value);
        Assert.Equal(0, balances.Values.Sum(h => h.Quarters));
    }

    [Fact]
    public void Each_exchange_posts_a_credit_and_a_debit_that_cancel()
    {
        Guid ann = Guid.CreateVersion7(), bob = Guid.CreateVersion7();

        var exchange = Exchange(ann, bob, "1.75");

        Assert.Equal([(ann, 7), (bob, -7)], exchange.Entries.Select(e => (e.MemberId, e.Amount.Quarters)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("24.25")]
    public void An_exchange_is_a_quarter_hour_to_a_day(string hours)
    {
        Assert.Equal("hours", Assert.Throws<DomainRuleException>(() => Exchange(Guid.CreateVersion7(), Guid.CreateVersion7(), hours)).Field);
    }

    [Fact]
    public void An_exchange_needs_two_members_and_a_date_that_has_happened()
    {
        var ann = Guid.CreateVersion7();

        Assert.Equal("receiverId", Assert.Throws<DomainRuleException>(() => Exchange(ann, ann, "1")).Field);
        Assert.Equal("occurredOn", Assert.Throws<DomainRuleException>(() => TimeBankExchange.Record(
            new ExchangeRequest(ann, Guid.CreateVersion7(), Hours.Parse("1"), Today.AddDays(1), null, null), Broker)).Field);
    }

    [Fact]
    public void A_reversal_swaps_the_entries_and_cannot_itself_be_reversed()
    {
        Guid ann = Guid.CreateVersion7(), bob = Guid.CreateVersion7();
        var original = Exchange(ann, bob, "2");

        var reversal = original.Reverse("Recorded against the wrong member", Broker);

        Assert.Equal(original.Id, reversal.ReversesId);
        Assert.Equal(0, TimeBankLedger.Balances([original, reversal]).Values.Sum(h => Math.Abs(h.Quarters)));
        Assert.Equal("exchangeId", Assert.Throws<DomainRuleException>(() => reversal.Reverse("again", Broker)).Field);
        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => original.Reverse(" ", Broker)).Field);
    }

    [Fact]
    public void A_member_keeps_only_the_postcode_sector_and_a_coarsened_point()
    {
        var home = Geo.Point(0.3251, 51.4773);

        var member = Member(home);

        Assert.Equal("Margaret W.", member.DisplayName);
        Assert.Equal("RM17 6", member.PostcodeSector);
        Assert.NotNull(member.CoarseLocation);
        Assert.NotEqual(home.Coordinate, member.CoarseLocation.Coordinate);
        Assert.Equal(Geo.Coarsen(home).Coordinate, member.CoarseLocation.Coordinate);
    }

    [Fact]
    public void A_deactivated_member_cannot_receive_until_reactivated()
    {
        var member = Member(Geo.Point(0.3251, 51.4773));

        member.Deactivate();
        Assert.False(member.CanReceive);
        member.Reactivate();
        Assert.True(member.CanReceive);
    }

    [Fact]
    public void Leaving_wipes_every_personal_field_for_good()
    {
        var member = Member(Geo.Point(0.3251, 51.4773));

        member.Leave(Today);

        Assert.Equal((MemberStatus.Left, "Former member TB-001"), (member.Status, member.DisplayName));
        Assert.Null(member.CoarseLocation);
        Assert.Null(member.PostcodeSector);
        Assert.Empty(member.SkillsOffered);
        Assert.Null(member.OfferDetails);
        Assert.Null(member.ContactDetails);
        Assert.DoesNotContain("Margaret", member.FirstName, StringComparison.Ordinal);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(member.Reactivate).Field);
    }

    [Fact]
    public void A_credit_limit_stops_a_balance_going_further_below_zero()
    {
        var bank = LocalTimeBank.Create("Thurrock Time Bank", "Jo", "timebank@example.org", null, Hours.Parse("10"));

        Assert.True(bank.Allows(Hours.Parse("-8"), Hours.Parse("2")));
        Assert.False(bank.Allows(Hours.Parse("-8"), Hours.Parse("2.25")));
        Assert.True(LocalTimeBank.Create("No limit", "Jo", null, "01632 960000", null).Allows(Hours.Parse("-100"), Hours.Parse("24")));
    }

    private static TimeBankExchange Exchange(Guid giver, Guid receiver, string hours) =>
        TimeBankExchange.Record(new ExchangeRequest(giver, receiver, Hours.Parse(hours), Today, "gardening", null), Broker);

    private static TimeBankMember Member(NetTopologySuite.Geometries.Point home) => TimeBankMember.Register(
        Guid.CreateVersion7(), "TB-001",
        new MemberProfile("Margaret", "w", ["gardening"], [], "Weeding and lawns", "Mornings", ContactPreference.Phone, "01632 960111"),
        Postcode.Parse("RM17 6SL"), home, Today, MemberStatus.Active, AssetSource.Manual);
}
