using System.Text.Json;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Suggestions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetMap.Domain.Persistence.Configurations;

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> builder)
    {
        builder.ToTable("suggestions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Asset>().WithMany().HasForeignKey(s => s.AssetId).OnDelete(DeleteBehavior.Cascade);
        // Read and written whole: one jsonb document of field → proposed value.
        builder.Property(s => s.Proposed)
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Web) ?? new Dictionary<string, string>(),
                new ValueComparer<IReadOnlyDictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => v.ToDictionary(e => e.Key, e => e.Value)));
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.Property(s => s.Contact).HasMaxLength(200);
        builder.Property(s => s.Status).HasConversion<Converters.SnakeCaseEnumConverter<SuggestionStatus>>().HasMaxLength(20);
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.Property(s => s.DismissReason).HasMaxLength(500);
        // The editors' queue: pending first, oldest first.
        builder.HasIndex(s => new { s.Status, s.SubmittedAt });
        builder.HasIndex(s => s.AssetId);
    }
}
