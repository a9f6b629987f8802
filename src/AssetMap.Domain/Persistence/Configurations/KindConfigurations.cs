using AssetMap.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetMap.Domain.Persistence.Configurations;

internal sealed class CommunityHubConfiguration : IEntityTypeConfiguration<CommunityHub>
{
    public void Configure(EntityTypeBuilder<CommunityHub> builder)
    {
        builder.Property(h => h.OpeningHours).HasMaxLength(500);
    }
}

internal sealed class MicroEnterpriseConfiguration : IEntityTypeConfiguration<MicroEnterprise>
{
    public void Configure(EntityTypeBuilder<MicroEnterprise> builder)
    {
        builder.Property(m => m.Price).HasColumnName("price_pence");
        builder.Property(m => m.PriceUnit).HasMaxLength(50);
        builder.Property(m => m.CqcRegistration).HasMaxLength(20);
        builder.Property(m => m.ServiceArea).HasColumnType("geography (polygon, 4326)");
        builder.HasIndex(m => m.ServiceArea).HasMethod("gist");
    }
}

internal sealed class SocialPrescribingActivityConfiguration : IEntityTypeConfiguration<SocialPrescribingActivity>
{
    public void Configure(EntityTypeBuilder<SocialPrescribingActivity> builder)
    {
        builder.Property(a => a.Provider).HasMaxLength(200);
        builder.Property(a => a.Cost).HasColumnName("cost_pence");
        builder.Property(a => a.Referral).HasMaxLength(20);
        builder.ComplexProperty(a => a.Schedule, schedule =>
        {
            schedule.Property(s => s.FirstStart).HasColumnType("timestamp without time zone");
            schedule.Property(s => s.Rule).HasMaxLength(300);
            schedule.Property(s => s.Duration);
        });
        builder.HasOne(a => a.Venue).WithMany().HasForeignKey(a => a.VenueId).OnDelete(DeleteBehavior.SetNull);
    }
}
