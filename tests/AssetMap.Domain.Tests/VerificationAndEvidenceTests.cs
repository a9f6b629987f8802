using AssetMap.Domain.Assets;
using AssetMap.Domain.History;
using AssetMap.Domain.Places;
using AssetMap.Domain.Spatial;

namespace AssetMap.Domain.Tests;

public sealed class VerificationAndEvidenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Confirming_unchanged_moves_only_the_check_date()
    {
        var business = Business(cqc: null, cqcCheckedOn: null);
        var before = AssetSnapshot.Of(business);

        business.Verify(Now);

        var change = Assert.Single(AssetSnapshot.Changes(before, AssetSnapshot.Of(business)));
        Assert.Equal("lastVerifiedAt", change.Field);
        Assert.Equal(Now, business.LastVerifiedAt);
    }

    [Fact]
    public void An_archived_record_cannot_be_confirmed()
    {
        var business = Business(cqc: null, cqcCheckedOn: null);
        business.Archive();

        var rule = Assert.Throws<DomainRuleException>(() => business.Verify(Now));
        Assert.Equal("status", rule.Field);
    }

    [Fact]
    public void A_cqc_check_date_is_kept_only_with_a_registration()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), Business("1-234", new DateOnly(2026, 10, 1)).CqcCheckedOn);
        Assert.Null(Business(null, new DateOnly(2026, 10, 1)).CqcCheckedOn);
    }

    private static MicroEnterprise Business(string? cqc, DateOnly? cqcCheckedOn) => MicroEnterprise.Create(
        new AssetProfile("Test Care", "Home care.", null, new Address("1 High Street", "Grays", Postcode.Parse("RM17 6SL")),
            Geo.Point(0.325, 51.477), Contact.None, false, null, AssetStatus.Published, null, AssetSource.Manual),
        [],
        new MicroEnterpriseDetails([], null, null, false, null, null, cqc, null, null, false, false, cqcCheckedOn));
}
