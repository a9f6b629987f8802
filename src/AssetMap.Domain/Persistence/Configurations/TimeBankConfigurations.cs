using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetMap.Domain.Persistence.Configurations;

internal sealed class TimeBankMemberConfiguration : IEntityTypeConfiguration<TimeBankMember>
{
    public void Configure(EntityTypeBuilder<TimeBankMember> builder)
    {
        builder.ToTable("time_bank_members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.MemberRef).HasMaxLength(50);
        builder.HasIndex(m => m.MemberRef).IsUnique();
        builder.Property(m => m.DisplayName).HasMaxLength(100);
        builder.Property(m => m.PostcodeSector).HasMaxLength(6);
        builder.Property(m => m.Status).HasMaxLength(20);
        builder.Property(m => m.CoarseLocation).HasColumnType("geography (point, 4326)");
        builder.HasIndex(m => m.CoarseLocation).HasMethod("gist");
        builder.ComplexProperty(m => m.Source, source =>
        {
            source.Property(x => x.ExternalRef).HasMaxLength(100);
            source.Property(x => x.File).HasMaxLength(300);
            source.Property(x => x.Sheet).HasMaxLength(100);
        });
        builder.Property(m => m.Version).IsRowVersion();
    }
}

internal sealed class TimeBankExchangeConfiguration : IEntityTypeConfiguration<TimeBankExchange>
{
    public void Configure(EntityTypeBuilder<TimeBankExchange> builder)
    {
        builder.ToTable("time_bank_exchanges", t =>
        {
            // The ledger's rules hold in the database too, whoever writes to it.
            t.HasCheckConstraint("ck_time_bank_exchanges_positive_hours", "quarter_hours > 0");
            t.HasCheckConstraint("ck_time_bank_exchanges_two_members", "giver_id <> receiver_id");
        });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Hours).HasColumnName("quarter_hours");
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.HasOne<TimeBankMember>().WithMany().HasForeignKey(e => e.GiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TimeBankMember>().WithMany().HasForeignKey(e => e.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.OccurredOn);
    }
}
