using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;
using AssetMap.Domain.TimeBank;

namespace AssetMap.Domain.Tests;

public sealed class TimeBankTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Balances_credit_the_giver_debit_the_receiver_and_sum_to_zero()
    {
        Guid ann = Guid.CreateVersion7(), bob = Guid.CreateVersion7(), cat = Guid.CreateVersion7();
        var exchanges = new[]
        {
            TimeBankExchange.Record(ann, bob, Hours.Parse("1.5"), Today, "Gardening", DateTimeOffset.UtcNow),
            TimeBankExchange.Record(bob, cat, Hours.Parse("0.25"), Today, "Lift", DateTimeOffset.UtcNow),
            TimeBankExchange.Record(cat, ann, Hours.Parse("2"), Today, "Sewing", DateTimeOffset.UtcNow),
        };

        var balances = TimeBankLedger.Balances(exchanges);

        Assert.Equal(-0.5m, balances[ann].Value);
        Assert.Equal(-1.25m, balances[bob].Value);
        Assert.Equal(1.75m, balances[cat].Value);
        Assert.Equal(0, balances.Values.Sum(h => h.Quarters));
    }

    [Fact]
    public void An_exchange_needs_two_members_and_positive_hours()
    {
        var ann = Guid.CreateVersion7();

        Assert.Equal("receiver", Assert.Throws<DomainRuleException>(() =>
            TimeBankExchange.Record(ann, ann, Hours.Parse("1"), Today, null, DateTimeOffset.UtcNow)).Field);
        Assert.Equal("hours", Assert.Throws<DomainRuleException>(() =>
            TimeBankExchange.Record(ann, Guid.CreateVersion7(), Hours.Zero, Today, null, DateTimeOffset.UtcNow)).Field);
    }

    [Fact]
    public void A_member_keeps_only_the_postcode_sector_and_a_coarsened_point()
    {
        var home = Geo.Point(0.3251, 51.4773);

        var member = TimeBankMember.Register("TB-001", "Margaret", "w", Postcode.Parse("RM17 6SL"), home,
            ["Gardening"], [], "Mornings", Today, AssetStatus.Published, AssetSource.Manual);

        Assert.Equal("Margaret W.", member.DisplayName);
        Assert.Equal("RM17 6", member.PostcodeSector);
        Assert.NotEqual(home.Coordinate, member.CoarseLocation.Coordinate);
        Assert.Equal(Geo.Coarsen(home).Coordinate, member.CoarseLocation.Coordinate);
    }
}
