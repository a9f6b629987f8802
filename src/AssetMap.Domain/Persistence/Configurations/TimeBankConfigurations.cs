using AssetMap.Domain.Persistence.Converters;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetMap.Domain.Persistence.Configurations;

internal sealed class LocalTimeBankConfiguration : IEntityTypeConfiguration<LocalTimeBank>
{
    public void Configure(EntityTypeBuilder<LocalTimeBank> builder)
    {
        builder.ToTable("time_banks");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Slug).HasMaxLength(200);
        builder.HasIndex(b => b.Slug).IsUnique();
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.BrokerName).HasMaxLength(200);
        builder.Property(b => b.BrokerEmail).HasMaxLength(200);
        builder.Property(b => b.BrokerPhone).HasMaxLength(50);
        builder.Property(b => b.CreditLimit).HasColumnName("credit_limit_quarter_hours");
    }
}

internal sealed class TimeBankMemberConfiguration : IEntityTypeConfiguration<TimeBankMember>
{
    public void Configure(EntityTypeBuilder<TimeBankMember> builder)
    {
        builder.ToTable("time_bank_members");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<LocalTimeBank>().WithMany().HasForeignKey(m => m.TimeBankId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.MemberRef).HasMaxLength(50);
        builder.HasIndex(m => m.MemberRef).IsUnique();
        builder.Property(m => m.FirstName).HasMaxLength(50);
        builder.Property(m => m.LastInitial).HasMaxLength(1);
        builder.Property(m => m.DisplayName).HasMaxLength(100);
        builder.Property(m => m.PostcodeSector).HasMaxLength(6);
        builder.Property(m => m.Status).HasMaxLength(20).HasConversion<SnakeCaseEnumConverter<MemberStatus>>();
        builder.Property(m => m.ContactPreference).HasMaxLength(20).HasConversion<SnakeCaseEnumConverter<ContactPreference>>();
        builder.Property(m => m.OfferDetails).HasMaxLength(500);
        builder.Property(m => m.Availability).HasMaxLength(500);
        builder.Property(m => m.ContactDetails).HasMaxLength(500);
        builder.Property(m => m.CoarseLocation).HasColumnType("geography (point, 4326)");
        builder.HasIndex(m => m.CoarseLocation).HasMethod("gist");
        builder.HasIndex(m => m.SkillsOffered).HasMethod("gin");
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
            t.HasCheckConstraint("ck_time_bank_exchanges_positive_hours", "quarter_hours > 0 AND quarter_hours <= 96");
            t.HasCheckConstraint("ck_time_bank_exchanges_two_members", "giver_id <> receiver_id");
        });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Hours).HasColumnName("quarter_hours");
        builder.Property(e => e.CategorySlug).HasMaxLength(200);
        builder.Property(e => e.Description).HasMaxLength(500);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(200);
        builder.Property(e => e.RequestFingerprint).HasMaxLength(64);
        builder.HasIndex(e => e.IdempotencyKey).IsUnique();
        builder.HasOne<TimeBankMember>().WithMany().HasForeignKey(e => e.GiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TimeBankMember>().WithMany().HasForeignKey(e => e.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        // An exchange is reversed at most once: the second reversal collides here even when two brokers race.
        builder.HasOne<TimeBankExchange>().WithOne().HasForeignKey<TimeBankExchange>(e => e.ReversesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ReversesId).IsUnique();
        builder.HasIndex(e => e.OccurredOn);
        builder.HasMany(e => e.Entries).WithOne().HasForeignKey(e => e.ExchangeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(e => e.Entries).HasField("_entries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TimeBankEntryConfiguration : IEntityTypeConfiguration<TimeBankEntry>
{
    public void Configure(EntityTypeBuilder<TimeBankEntry> builder)
    {
        builder.ToTable("time_bank_entries", t => t.HasCheckConstraint("ck_time_bank_entries_not_zero", "quarter_hours <> 0"));
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Amount).HasColumnName("quarter_hours");
        builder.HasOne<TimeBankMember>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        // Balances and statements read a member's entries by date.
        builder.HasIndex(e => new { e.MemberId, e.PostedOn, e.Id });
    }
}
