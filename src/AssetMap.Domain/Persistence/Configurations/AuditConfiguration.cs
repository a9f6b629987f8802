using System.Text.Json;
using AssetMap.Domain.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetMap.Domain.Persistence.Configurations;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.EntityType).HasMaxLength(40);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Source).HasConversion<Converters.SnakeCaseEnumConverter<AuditSource>>().HasMaxLength(20);
        builder.Property(e => e.SourceDetail).HasMaxLength(500);
        // Field changes are read and written whole, never queried inside: one jsonb document.
        builder.Property(e => e.Changes)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<FieldChange>>(v, JsonSerializerOptions.Web) ?? new List<FieldChange>(),
                new ValueComparer<IReadOnlyList<FieldChange>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        // A record's history, newest first; the directory-wide audit by person and by date.
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
        builder.HasIndex(e => new { e.Actor, e.OccurredAt });
        builder.HasIndex(e => e.OccurredAt);
    }
}
