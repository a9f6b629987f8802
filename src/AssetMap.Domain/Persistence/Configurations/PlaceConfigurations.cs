using AssetMap.Domain.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetMap.Domain.Persistence.Configurations;

internal sealed class PcnAreaConfiguration : IEntityTypeConfiguration<PcnArea>
{
    public void Configure(EntityTypeBuilder<PcnArea> builder)
    {
        builder.ToTable("pcn_areas");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(6);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Locality).HasMaxLength(200);

        // geometry, not geography: the question asked of a boundary is "is this point inside?", which planar
        // ST_Covers answers exactly at borough scale and far faster; distances are asked of asset points only.
        builder.Property(p => p.Boundary).HasColumnType("geometry (multipolygon, 4326)");
        builder.HasIndex(p => p.Boundary).HasMethod("gist");
    }
}

internal sealed class PostcodeLocationConfiguration : IEntityTypeConfiguration<PostcodeLocation>
{
    public void Configure(EntityTypeBuilder<PostcodeLocation> builder)
    {
        builder.ToTable("postcodes");
        builder.HasKey(p => p.Postcode);
        builder.Property(p => p.Location).HasColumnType("geography (point, 4326)");
        builder.HasIndex(p => p.Location).HasMethod("gist");
    }
}
